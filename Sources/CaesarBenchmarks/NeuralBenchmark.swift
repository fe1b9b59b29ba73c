import CaesarNeural
import CaesarRandom

/// Training and inference speed of the neural core, measured the way the PyTorch reference
/// measures it (its benchmark script), so the two can be put side by side.
///
/// A "character" is one step of one sequence. A training step is forward, softmax
/// cross-entropy, BPTT, clipping at norm 5 and an Adam step (η = 3·10⁻³) on a batch of B
/// sequences of 64 steps; inference is the forward pass and argmax on 256 × 64; latency is
/// one sequence of 100 characters plus [start] and [end] (102 steps), batch 1.
/// Each figure is the median of `repeats` timed runs of at least `minimumSeconds`, after
/// warm-up, with the CPU other processes used meanwhile.
public struct NeuralBenchmark: Sendable {
    public var repeats = 5
    public var minimumSeconds = 1.0
    public var threads = 2

    public init(repeats: Int = 5, minimumSeconds: Double = 1.0, threads: Int = 2) {
        self.repeats = repeats
        self.minimumSeconds = minimumSeconds
        self.threads = threads
    }

    public struct Measurement: Sendable, Codable, Equatable {
        /// Units per second (characters/s), or milliseconds for latency.
        public let median: Double
        public let minimum: Double
        public let maximum: Double
        public let callsPerRun: Int
        public let othersCores: Double?
    }

    /// Characters per second of training at batch size `batch`.
    public func training(_ architecture: Architecture, batch: Int, steps: Int = 64) -> Measurement {
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 0, threads: threads)
        var adam = Adam<Float>(layout: model.parameters.layout, learningRate: 3e-3)
        let batches = (0..<4).map { Self.randomBatch(architecture, size: batch, steps: steps, seed: UInt64($0)) }
        var i = 0
        return measure(units: Double(batch * steps)) {
            model.gradients.zero()
            model.lossAndGradients(batches[i % 4])
            GradientClipping.clip(&model.gradients, maxNorm: 5)
            adam.step(&model.parameters, gradients: model.gradients)
            i += 1
        }
    }

    /// Characters per second of inference (logits and argmax) at batch size `batch`.
    public func inference(_ architecture: Architecture, batch: Int = 256, steps: Int = 64) -> Measurement {
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 0, threads: threads)
        let input = Self.randomBatch(architecture, size: batch, steps: steps, seed: 1)
        return measure(units: Double(batch * steps)) { _ = model.predictions(input) }
    }

    /// The length of the sentence whose latency is measured, as the reference measures it.
    public static let sentenceCharacters = 100

    /// Milliseconds to decode one sequence of `characters` characters (+ 2 boundary steps).
    public func latency(_ architecture: Architecture, characters: Int = sentenceCharacters) -> Measurement {
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 0, threads: threads)
        let input = Self.randomBatch(architecture, size: 1, steps: characters + 2, seed: 2)
        let rate = measure(units: 1, minimumSeconds: minimumSeconds / 2) { _ = model.predictions(input) }
        return Measurement(
            median: 1000 / rate.median, minimum: 1000 / rate.maximum, maximum: 1000 / rate.minimum,
            callsPerRun: rate.callsPerRun, othersCores: rate.othersCores)
    }

    /// The least milliseconds ``latency(_:characters:)`` can take: every step reads all of
    /// W_hh, here from L2 on every worker's core at once, at `cacheReadGBPerSecond` each
    /// (``cacheReadBandwidth(bytes:)``).
    public func latencyFloor(_ architecture: Architecture, cacheReadGBPerSecond: Double, characters: Int = sentenceCharacters) -> Double {
        let bytes = Double(architecture.recurrentWeightBytes * (characters + 2))
        return bytes / (Double(threads) * cacheReadGBPerSecond * 1e9) * 1000
    }

    /// GFLOP/s of one large single-precision product (512³), the practical peak of `gemm`.
    public static func gemmPeak() -> Double {
        BLAS.useOneThreadPerCall()  // as the model runs it (its pool would otherwise wake)
        let n = 512
        let a = Buffer<Float>(count: n * n), c = Buffer<Float>(count: n * n)
        for k in 0..<(n * n) { a.base[k] = Float(k % 7) * 0.1 }
        let rate = NeuralBenchmark(repeats: 3, minimumSeconds: 0.2).measure(units: 2 * Double(n * n * n) / 1e9) {
            gemm(c.view(rows: n, columns: n), a.view(rows: n, columns: n), a.view(rows: n, columns: n))
        }
        return rate.median
    }

    /// GB/s one core reads from its L2 cache, the best of 9 runs: a 128 KiB buffer (four times
    /// L1, an eighth of L2 here) summed again and again, 64 floats in registers at a time.
    /// A batch of one reads its W_hh, too big for L1, at every step: this bounds its speed.
    public static func cacheReadBandwidth(bytes: Int = 128 * 1024) -> Double {
        typealias V = SIMD16<Float>
        let count = bytes / MemoryLayout<Float>.stride / 64 * 64
        let buffer = Buffer<Float>(count: count)
        for k in 0..<count { buffer.base[k] = Float(k % 5) * 1e-3 }
        var total = V()
        let rate = NeuralBenchmark(repeats: 9, minimumSeconds: 0.05).measure(units: Double(count * MemoryLayout<Float>.stride) / 1e9) {
            var sums = (V(), V(), V(), V())  // local, so they stay in registers
            var row = UnsafeRawPointer(buffer.base)
            for _ in 0..<(count / 64) {
                sums.0 += row.loadUnaligned(as: V.self)
                sums.1 += row.loadUnaligned(fromByteOffset: 64, as: V.self)
                sums.2 += row.loadUnaligned(fromByteOffset: 128, as: V.self)
                sums.3 += row.loadUnaligned(fromByteOffset: 192, as: V.self)
                row += 256
            }
            total += sums.0 + sums.1 + sums.2 + sums.3
        }
        precondition(total.sum().isFinite)  // read the sums, so that the loop is not optimized away
        return rate.maximum  // a bound: the best run, not the typical one
    }

    /// The products a recurrence makes at every step, with W_hh (G, H) as a model stores it.
    public enum ProductPass: String, Sendable, Codable, CaseIterable {
        /// h₋₁·W_hhᵀ: (rows, H)·(H, G).
        case forward
        /// ∂L/∂a·W_hh: (rows, G)·(G, H).
        case backward
    }

    /// GFLOP/s of one step's recurrent product for `rows` sequences, through BLAS or through
    /// the packed kernel on weights packed beforehand: ``RecurrentProduct``, as the layers call it.
    public func recurrentProduct(_ product: ProductPass, rows m: Int, hidden H: Int, gates G: Int, packed: Bool) -> Measurement {
        BLAS.useOneThreadPerCall()
        let (k, n) = product == .forward ? (H, G) : (G, H)
        let w = Buffer<Float>(count: G * H), strips = Buffer<Float>(count: PackedStrips<Float>.count(k: k, n: n))
        for i in 0..<(G * H) { w.base[i] = Float(i % 13) * 0.01 - 0.06 }
        let a = Buffer<Float>(count: m * k), c = Buffer<Float>(count: m * n)
        for i in 0..<(m * k) { a.base[i] = Float(i % 7) * 0.1 - 0.3 }
        let weights = w.view(rows: G, columns: H), aView = a.view(rows: m, columns: k), cView = c.view(rows: m, columns: n)
        // Through the dispatcher the layers call, each kernel forced: forward adds to the
        // input's share, backward overwrites ∂L/∂h₋₁.
        let kernel: RecurrentProduct.Kernel = packed ? .packed : .blas
        let units = 2 * Double(m * k * n) / 1e9
        switch product {
        case .forward:
            let packedWeights = PackedStrips(packing: w.base, k: H, n: G, into: strips.base)
            return measure(units: units) {
                RecurrentProduct.forward(cView, aView, weights: weights, packedTransposed: packedWeights, kernel: kernel)
            }
        case .backward:
            let packedWeights = PackedStrips(packingRows: w.base, k: G, n: H, into: strips.base)
            return measure(units: units) {
                RecurrentProduct.backward(cView, aView, weights: weights, packed: packedWeights, alpha: 1, kernel: kernel)
            }
        }
    }

    static func randomBatch(_ architecture: Architecture, size: Int, steps: Int, seed: UInt64) -> SequenceBatch {
        var random = SeededGenerator(seed: seed)
        let n = size * steps
        return SequenceBatch(
            steps: steps, size: size,
            inputs: (0..<n).map { _ in Int32(random.uniformInt(below: architecture.inputSize)) },
            targets: (0..<n).map { _ in Int32(random.uniformInt(below: architecture.outputSize)) })
    }

    /// Runs `body` until warm, then `repeats` timed runs; returns units per second.
    func measure(units: Double, minimumSeconds: Double? = nil, _ body: () -> Void) -> Measurement {
        let clock = ContinuousClock()
        let warmUp = clock.measure { for _ in 0..<3 { body() } }
        let perCall = max(warmUp.seconds / 3, 1e-7)
        let calls = max(1, Int((minimumSeconds ?? self.minimumSeconds) / perCall))
        let meter = CPUMeter()
        var rates: [Double] = []
        for _ in 0..<repeats {
            let elapsed = clock.measure { for _ in 0..<calls { body() } }
            rates.append(units * Double(calls) / elapsed.seconds)
        }
        rates.sort()
        return Measurement(
            median: rates[rates.count / 2], minimum: rates.first!, maximum: rates.last!, callsPerRun: calls,
            othersCores: meter.othersCores())
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
