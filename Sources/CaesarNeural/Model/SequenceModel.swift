import CaesarRandom

/// A many-to-many recurrent network: one-hot tokens in, a stack of RNN or LSTM layers
/// (optionally bidirectional), a linear head and softmax at every step.
///
/// The model owns its ``parameters`` and a ``gradients`` set of the same layout.
/// ``lossAndGradients(_:carry:)`` runs the forward pass, the fused softmax–cross-entropy, and
/// BPTT, adding ∂L/∂θ into `gradients`; an optimizer then updates `parameters`. The B sequences
/// of a batch are split between ``threads`` workers, each with its own activations and
/// gradient buffer, summed in a fixed order: results depend on the thread count but are
/// reproducible bit for bit for a given one.
public final class SequenceModel<Scalar: NeuralScalar>: @unchecked Sendable {
    public let architecture: Architecture
    public var parameters: ParameterSet<Scalar> {
        didSet { parametersVersion &+= 1 }
    }
    public var gradients: ParameterSet<Scalar>
    /// Workers a batch is split between (its sequences, not its steps, are divided).
    public var threads: Int

    let directions: [[RecurrentDirection]]
    let head: LinearHead
    private var workspaces: [Workspace<Scalar>] = []
    /// Copies of weights in the layout a fast path needs, rebuilt when the parameters change:
    /// W_ihᵀ (V, G) of each first-layer direction (with one-hot input, the input product is a
    /// gather of its rows) and W_hhᵀ (H, G) of every direction (for batches of one sequence).
    private let oneHotWeights: [Buffer<Scalar>]
    private let recurrentWeightsTransposed: [[Buffer<Scalar>]]
    private var parametersVersion = 0
    private var copiesVersion = -1

    public init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int = 2) {
        precondition(parameters.layout == ParameterLayout(architecture), "parameters do not match \(architecture)")
        precondition(threads > 0, "at least one thread")
        BLAS.useOneThreadPerCall()
        self.architecture = architecture
        self.parameters = parameters
        self.gradients = ParameterSet(layout: parameters.layout)
        self.threads = threads
        let layout = parameters.layout
        directions = (0..<architecture.layers).map { layer in
            (0..<architecture.directions).map { direction in
                let suffix = "l\(layer)" + (direction == 1 ? "_reverse" : "")
                return RecurrentDirection(
                    cell: architecture.cell, inputSize: architecture.inputSize(ofLayer: layer),
                    hiddenSize: architecture.hiddenSize, reversed: direction == 1,
                    weightIH: layout.entry("rnn.weight_ih_\(suffix)"), weightHH: layout.entry("rnn.weight_hh_\(suffix)"),
                    biasIH: layout.entry("rnn.bias_ih_\(suffix)"), biasHH: layout.entry("rnn.bias_hh_\(suffix)"))
            }
        }
        head = LinearHead(weight: layout.entry("out.weight"), bias: layout.entry("out.bias"))
        oneHotWeights = (0..<architecture.directions).map { _ in
            Buffer(count: architecture.inputSize * architecture.gateRows)
        }
        recurrentWeightsTransposed = (0..<architecture.layers).map { _ in
            (0..<architecture.directions).map { _ in Buffer(count: architecture.hiddenSize * architecture.gateRows) }
        }
    }

    /// A new model initialized as PyTorch does (``Initialization/pytorchDefault(_:random:as:)``).
    public convenience init(architecture: Architecture, seed: UInt64, threads: Int = 2) {
        var random = SeededGenerator(seed: seed)
        let parameters = Initialization.pytorchDefault(architecture, random: &random, as: Scalar.self)
        self.init(architecture: architecture, parameters: parameters, threads: threads)
    }

    // MARK: - Inference

    /// The logits of every step and sequence, (T·B, O) time-major.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func logits(_ batch: SequenceBatch) -> Matrix<Scalar> {
        let O = architecture.outputSize
        var result = Matrix<Scalar>(rows: batch.steps * batch.size, columns: O)
        result.values.withUnsafeMutableBufferPointer { out in
            run(batch) { _, worker, part, range, p in
                self.forward(worker, part, parameters: p)
                // Scatter the part's rows back to their places in the whole batch.
                for t in 0..<batch.steps {
                    for (k, b) in range.enumerated() {
                        let source = worker.logits.base + (t * part.size + k) * O
                        let target = out.baseAddress! + (t * batch.size + b) * O
                        target.update(from: source, count: O)
                    }
                }
            }
        }
        return result
    }

    /// The mean cross-entropy of a batch without touching the gradients.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func loss(_ batch: SequenceBatch) -> Double {
        precondition(!batch.targets.isEmpty, "the loss needs targets")
        let total = Double(batch.countedTargets)
        let sums = perWorkerSums(batch) { worker, part, p in
            self.forward(worker, part, parameters: p)
            return self.softmaxCrossEntropy(worker, part, scale: 0)
        }
        return total > 0 ? sums / total : 0
    }

    // MARK: - Training

    /// Forward, loss and BPTT for one batch: returns the mean cross-entropy over the counted
    /// targets and adds its gradient into ``gradients`` (which the caller zeroes between
    /// optimizer steps). `carry` comes from ``Truncation/carryFactors(steps:random:)``;
    /// nil means full BPTT.
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func lossAndGradients(_ batch: SequenceBatch, carry: [Double]? = nil) -> Double {
        precondition(!batch.targets.isEmpty, "training needs targets")
        precondition(carry == nil || carry!.count == batch.steps, "one carry factor per step")
        let total = batch.countedTargets
        guard total > 0 else { return 0 }
        let factors = (carry ?? [Double](repeating: 1, count: batch.steps)).map { Scalar($0) }
        let scale = 1 / Scalar(total)
        let sum = perWorkerSums(batch) { worker, part, p in
            worker.gradients.zero()
            self.forward(worker, part, parameters: p)
            let loss = self.softmaxCrossEntropy(worker, part, scale: scale)
            self.backward(worker, part, parameters: p, carry: factors)
            return loss
        }
        // Sum the workers' gradients in a fixed order, so runs reproduce exactly.
        let n = parameters.layout.totalCount
        gradients.values.withUnsafeMutableBufferPointer { g in
            for worker in workspaces.prefix(workerCount(for: batch)) {
                for k in 0..<n { g[k] += worker.gradients.base[k] }
            }
        }
        return sum / Double(total)
    }

    // MARK: - Passes of one worker

    private func workerCount(for batch: SequenceBatch) -> Int { min(threads, batch.size) }

    /// Runs `body` on every worker's part and adds up what the workers return, in worker order.
    private func perWorkerSums(
        _ batch: SequenceBatch, _ body: (Workspace<Scalar>, SequenceBatch, UnsafeMutablePointer<Scalar>) -> Double
    ) -> Double {
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: workerCount(for: batch))
        defer { sums.deallocate() }
        run(batch) { w, worker, part, _, p in sums[w] = body(worker, part, p) }
        return sums.reduce(0, +)
    }

    /// Splits the batch's sequences between workers and runs `body` on each part in parallel.
    fileprivate func run(
        _ batch: SequenceBatch,
        _ body: (Int, Workspace<Scalar>, SequenceBatch, Range<Int>, UnsafeMutablePointer<Scalar>) -> Void
    ) {
        let workers = workerCount(for: batch)
        var ranges: [Range<Int>] = []
        for w in 0..<workers {
            ranges.append((batch.size * w / workers)..<(batch.size * (w + 1) / workers))
        }
        let parts = workers == 1 ? [batch] : ranges.map { batch.sequences($0) }
        prepareWorkspaces(parts)
        // Read-only access: a mutating one would count as a change of the parameters.
        parameters.values.withUnsafeBufferPointer { p in
            let base = UnsafeMutablePointer(mutating: p.baseAddress!)
            refreshWeightCopies(base)
            Parallel.forEach(workers) { w in body(w, workspaces[w], parts[w], ranges[w], base) }
        }
    }

    private func prepareWorkspaces(_ parts: [SequenceBatch]) {
        for (w, part) in parts.enumerated() {
            let rows = part.steps * part.size
            if w < workspaces.count, workspaces[w].rows >= rows, workspaces[w].batch >= part.size { continue }
            let workspace = Workspace<Scalar>(
                architecture: architecture, rows: max(rows, w < workspaces.count ? workspaces[w].rows : 0),
                batch: max(part.size, w < workspaces.count ? workspaces[w].batch : 0),
                parameterCount: parameters.layout.totalCount)
            if w < workspaces.count { workspaces[w] = workspace } else { workspaces.append(workspace) }
        }
    }

    private func refreshWeightCopies(_ p: UnsafeMutablePointer<Scalar>) {
        guard copiesVersion != parametersVersion else { return }
        let V = architecture.inputSize, G = architecture.gateRows, H = architecture.hiddenSize
        func transpose(_ w: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, into wT: UnsafeMutablePointer<Scalar>) {
            for r in 0..<rows {
                for c in 0..<columns { wT[c * rows + r] = w[r * columns + c] }
            }
        }
        for (l, layer) in directions.enumerated() {
            for (d, direction) in layer.enumerated() {
                if l == 0 { transpose(p + direction.weightIH.offset, rows: G, columns: V, into: oneHotWeights[d].base) }
                transpose(p + direction.weightHH.offset, rows: G, columns: H, into: recurrentWeightsTransposed[l][d].base)
            }
        }
        copiesVersion = parametersVersion
    }

    private func input(layer l: Int, direction d: Int, _ w: Workspace<Scalar>, tokens: UnsafePointer<Int32>, rows n: Int) -> LayerInput<Scalar> {
        let a = architecture
        if l == 0 {
            return .oneHot(tokens: tokens, weightsTransposed: oneHotWeights[d].view(rows: a.inputSize, columns: a.gateRows))
        }
        return .dense(w.layerOutputs[l - 1].view(rows: n, columns: a.layerOutputSize))
    }

    fileprivate func forward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>) {
        let a = architecture, n = batch.steps * batch.size
        batch.inputs.withUnsafeBufferPointer { tokens in
            for l in 0..<a.layers {
                for (d, direction) in directions[l].enumerated() {
                    let transposed = recurrentWeightsTransposed[l][d].view(rows: a.hiddenSize, columns: a.gateRows)
                    direction.forward(
                        input: input(layer: l, direction: d, w, tokens: tokens.baseAddress!, rows: n), parameters: p,
                        steps: batch.steps, batch: batch.size, cache: w.cache(layer: l, direction: d, architecture: a, rows: n),
                        recurrentTransposed: batch.size == 1 ? transposed : nil)
                }
            }
        }
        head.forward(
            h: w.layerOutputs[a.layers - 1].view(rows: n, columns: a.layerOutputSize), parameters: p,
            logits: w.logits.view(rows: n, columns: a.outputSize))
    }

    /// Turns the worker's logits into `scale`·∂L/∂logits; returns the summed loss.
    fileprivate func softmaxCrossEntropy(_ w: Workspace<Scalar>, _ batch: SequenceBatch, scale: Scalar) -> Double {
        batch.targets.withUnsafeBufferPointer { targets in
            SoftmaxCrossEntropy.lossAndGradient(
                logits: w.logits.view(rows: batch.steps * batch.size, columns: architecture.outputSize),
                targets: targets.baseAddress!, ignored: batch.ignoredTarget, scale: scale
            ).sum
        }
    }

    fileprivate func backward(
        _ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar],
        gradientNorms: UnsafeMutablePointer<Double>? = nil
    ) {
        let a = architecture, n = batch.steps * batch.size, D = a.layerOutputSize, H = a.hiddenSize
        let g = w.gradients.base
        var dOutput = w.dOutput.view(rows: n, columns: D)
        var dBelow = w.dBelow.view(rows: n, columns: D)
        head.backward(
            h: w.layerOutputs[a.layers - 1].view(rows: n, columns: D),
            dLogits: w.logits.view(rows: n, columns: a.outputSize), parameters: p, gradients: g, dH: dOutput)
        batch.inputs.withUnsafeBufferPointer { tokens in
            for l in stride(from: a.layers - 1, through: 0, by: -1) {
                if l > 0 { dBelow.base.update(repeating: 0, count: n * D) }
                for (d, direction) in directions[l].enumerated() {
                    let dWT = w.dWeightIHTransposed.view(rows: a.inputSize, columns: a.gateRows)
                    if l == 0 { w.dWeightIHTransposed.zero() }
                    direction.backward(
                        input: input(layer: l, direction: d, w, tokens: tokens.baseAddress!, rows: n), parameters: p, gradients: g,
                        steps: batch.steps, batch: batch.size, cache: w.cache(layer: l, direction: d, architecture: a, rows: n),
                        dOutput: dOutput.columns(d * H, H), carry: carry, scratch: w.scratch(architecture: a, rows: n, batch: batch.size),
                        dInput: l > 0 ? dBelow : nil, dWeightIHTransposed: l == 0 ? dWT : nil,
                        gradientNorms: l == 0 && d == 0 ? gradientNorms : nil)
                    if l == 0 {
                        // ∂L/∂W_ih (G, V) += (∂L/∂W_ihᵀ)ᵀ
                        let dW = g + direction.weightIH.offset, V = a.inputSize, G = a.gateRows
                        for row in 0..<G {
                            for v in 0..<V { dW[row * V + v] += dWT[v, row] }
                        }
                    }
                }
                swap(&dOutput, &dBelow)
            }
        }
    }
}

extension SequenceModel {
    /// softmax(logits) at every step: each row of (T·B, O), time-major, is a distribution
    /// over the O classes.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func probabilities(_ batch: SequenceBatch) -> Matrix<Scalar> {
        var result = logits(batch)
        result.values.withUnsafeMutableBufferPointer { p in
            SoftmaxCrossEntropy.softmax(MatrixView(p.baseAddress!, rows: result.rows, columns: result.columns))
        }
        return result
    }

    /// The most probable class at every step, (T·B) time-major.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func predictions(_ batch: SequenceBatch) -> [Int32] {
        let logits = logits(batch)
        let O = logits.columns
        return (0..<logits.rows).map { r in
            var best = 0
            for k in 1..<O where logits.values[r * O + k] > logits.values[r * O + best] { best = k }
            return Int32(best)
        }
    }
}

extension SequenceModel {
    /// The output h of every layer at every step: one (T·B, D) matrix per layer, time-major,
    /// both directions side by side (forward first). What the network "thinks" as it reads.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func hiddenStates(_ batch: SequenceBatch) -> [Matrix<Scalar>] {
        let D = architecture.layerOutputSize
        var states = (0..<architecture.layers).map { _ in Matrix<Scalar>(rows: batch.steps * batch.size, columns: D) }
        let single = SequenceModel(architecture: architecture, parameters: parameters, threads: 1)
        single.run(batch) { _, worker, part, _, p in
            single.forward(worker, part, parameters: p)
            for l in 0..<architecture.layers {
                states[l].values.withUnsafeMutableBufferPointer { out in
                    out.baseAddress!.update(from: worker.layerOutputs[l].base, count: batch.steps * batch.size * D)
                }
            }
        }
        return states
    }

    /// How the gradient of the loss at one step reaches earlier steps: ‖∂L_t/∂h_s‖ for every
    /// step s of the first layer's forward direction, where L_t is the cross-entropy at step
    /// `step` alone (summed over the batch). Entries after `step` are 0. Vanishing gradients
    /// show as a fast fall with the distance t − s.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func gradientNormsThroughTime(_ batch: SequenceBatch, lossAt step: Int) -> [Double] {
        precondition(!batch.targets.isEmpty && (0..<batch.steps).contains(step), "a step of a batch with targets")
        var only = batch
        let ignored = Int32.min
        only.ignoredTarget = ignored
        for t in 0..<batch.steps where t != step {
            for b in 0..<batch.size { only.targets[t * batch.size + b] = ignored }
        }
        var norms = [Double](repeating: 0, count: batch.steps)
        let single = SequenceModel(architecture: architecture, parameters: parameters, threads: 1)
        let factors = [Scalar](repeating: 1, count: batch.steps)
        norms.withUnsafeMutableBufferPointer { out in
            single.run(only) { _, worker, part, _, p in
                worker.gradients.zero()
                single.forward(worker, part, parameters: p)
                _ = single.softmaxCrossEntropy(worker, part, scale: 1)
                single.backward(worker, part, parameters: p, carry: factors, gradientNorms: out.baseAddress!)
            }
        }
        return norms
    }
}
