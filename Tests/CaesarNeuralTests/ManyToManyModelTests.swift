import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct ManyToManyModelTests {
    static let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, layers: 2, bidirectional: true, outputSize: 31)

    static func batch(size: Int, steps: Int, seed: UInt64) -> SequenceBatch {
        var rng = SeededGenerator(seed: seed)
        let sequences = (0..<size).map { _ in (0..<steps).map { _ in Int32(rng.uniformInt(below: 31)) } }
        let targets = (0..<size).map { _ in (0..<steps).map { _ in Int32(rng.uniformInt(below: 31)) } }
        return SequenceBatch(sequences: sequences, targets: targets)
    }

    @Test func layoutUsesPyTorchNamesAndShapes() {
        let layout = ParameterLayout(Architecture(cell: .lstm, inputSize: 31, hiddenSize: 128, bidirectional: true, outputSize: 31))
        #expect(layout.entries.map(\.name) == [
            "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
            "rnn.weight_ih_l0_reverse", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l0_reverse", "rnn.bias_hh_l0_reverse",
            "out.weight", "out.bias",
        ])
        #expect(layout["rnn.weight_ih_l0"]!.shape == [512, 31])
        #expect(layout["out.weight"]!.shape == [31, 256])
        // PyTorch: sum(p.numel() for p in make_model("bilstm128").parameters())
        #expect(layout.totalCount == 2 * (512 * 31 + 512 * 128 + 2 * 512) + 31 * 256 + 31)
    }

    @Test func initializationIsReproducibleAndBounded() {
        let a = ManyToManyModel<Float>(architecture: Self.architecture, seed: 5)
        let b = ManyToManyModel<Float>(architecture: Self.architecture, seed: 5)
        #expect(a.parameters == b.parameters)
        #expect(a.parameters != ManyToManyModel<Float>(architecture: Self.architecture, seed: 6).parameters)
        let bound = 1 / Float(8).squareRoot()
        #expect(a.parameters["rnn.weight_hh_l1"].allSatisfy { abs($0) <= bound })
        #expect(a.parameters["out.weight"].allSatisfy { abs($0) <= 1 / Float(16).squareRoot() })
    }

    /// Each sequence's logits do not depend on the others, nor on how the batch is split.
    @Test func sequencesAreIndependentOfTheirBatchAndThreads() {
        let batch = Self.batch(size: 5, steps: 7, seed: 1)
        let model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 2, threads: 2)
        let together = model.logits(batch)
        model.threads = 1
        for (a, b) in zip(model.logits(batch).values, together.values) { #expect(abs(a - b) < 1e-12) }
        for b in 0..<5 {
            let alone = model.logits(batch.sequences(b..<(b + 1)))
            for t in 0..<7 {
                for o in 0..<31 {
                    #expect(abs(alone[t, o] - together[t * 5 + b, o]) < 1e-12)
                }
            }
        }
    }

    /// The fast single-precision path against the double-precision reference.
    @Test func floatAgreesWithDouble() {
        let batch = Self.batch(size: 4, steps: 9, seed: 3)
        let reference = ManyToManyModel<Double>(architecture: Self.architecture, seed: 4)
        let fast = ManyToManyModel<Float>(architecture: Self.architecture, parameters: reference.parameters.converted())
        let lossDouble = reference.lossAndGradients(batch)
        let lossFloat = fast.lossAndGradients(batch)
        #expect(abs(lossDouble - lossFloat) < 1e-6 * lossDouble)
        let scale = reference.gradients.values.map(abs).max()!
        for (g, f) in zip(reference.gradients.values, fast.gradients.values) {
            #expect(abs(g - Double(f)) < 1e-5 * scale)
        }
    }

    @Test func trainingStepsAreBitReproducible() {
        let batch = Self.batch(size: 6, steps: 5, seed: 8)
        func gradients(threads: Int) -> [Float] {
            let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 9, threads: threads)
            model.lossAndGradients(batch)
            model.lossAndGradients(batch)  // accumulates
            return model.gradients.values
        }
        #expect(gradients(threads: 2) == gradients(threads: 2))
        #expect(gradients(threads: 1) == gradients(threads: 1))
    }

    /// Two workers call BLAS at the same moment, over and over: a BLAS library that is not
    /// safe for concurrent callers (Debian's serial OpenBLAS is not) shows up here.
    @Test func concurrentWorkersAgreeWithOne() {
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 48, outputSize: 31)
        let batch = Self.batch(size: 16, steps: 12, seed: 10)
        let one = ManyToManyModel<Double>(architecture: architecture, seed: 11, threads: 1)
        one.lossAndGradients(batch)
        let two = ManyToManyModel<Double>(architecture: architecture, parameters: one.parameters, threads: 2)
        for _ in 0..<30 {
            two.gradients.zero()
            two.lossAndGradients(batch)
            let worst = zip(one.gradients.values, two.gradients.values).map { abs($0 - $1) }.max()!
            #expect(worst < 1e-12)
        }
    }

    /// The packed weight copies backward passes read are made when a training pass first
    /// needs them and follow every change of the parameters, also when forward-only passes ran
    /// in between: the gradients equal a fresh model's on the same parameters, bit for bit.
    @Test func backwardWeightCopiesFollowTheParameters() {
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 16, outputSize: 31)
        let batch = Self.batch(size: 4, steps: 6, seed: 14)
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 15, threads: 1)
        model.lossAndGradients(batch)
        model.parameters.values.withUnsafeMutableBufferPointer { p in for k in p.indices { p[k] *= 0.5 } }
        _ = model.loss(batch)  // a forward-only pass on the new parameters
        model.gradients.zero()
        model.lossAndGradients(batch)
        let fresh = ManyToManyModel<Float>(architecture: architecture, parameters: model.parameters, threads: 1)
        fresh.lossAndGradients(batch)
        #expect(model.gradients.values == fresh.gradients.values)
    }

    @Test func lossIsMeanCrossEntropyOverCountedTargets() {
        let arch = Architecture(cell: .rnn, inputSize: 3, hiddenSize: 2, outputSize: 3)
        var parameters = ParameterSet<Double>(layout: ParameterLayout(arch))
        parameters["out.bias"] = [0, Double.log(2), 0]  // all weights zero: p = (1/4, 1/2, 1/4)
        let model = ManyToManyModel(architecture: arch, parameters: parameters, threads: 1)
        let batch = SequenceBatch(sequences: [[0, 1], [2, 0]], targets: [[1, 0], [2, 9]], ignoredTarget: 9)
        #expect(abs(model.loss(batch) - (Double.log(2) + 2 * Double.log(4)) / 3) < 1e-12)
    }
}

@Suite struct ArchitectureTests {
    /// The PyTorch reference's FLOPs per character (its `flops_per_char`), for comparison with its figures.
    @Test(arguments: [
        ("rnn128", 0.138, 0.049), ("lstm128", 0.481, 0.171), ("lstm256", 1.747, 0.604),
        ("lstm2x256", 4.893, 1.652), ("bilstm128", 0.961, 0.342), ("bilstm256", 3.495, 1.207),
        ("bilstm2x256", 12.932, 4.353),
    ])
    func flopsPerCharacterMatchTheReference(name: String, train: Double, infer: Double) {
        let architecture = Architecture.preset(named: name)!
        #expect(abs(architecture.flopsPerCharacter(training: true) / 1e6 - train) < 0.0005)
        #expect(abs(architecture.flopsPerCharacter(training: false) / 1e6 - infer) < 0.0005)
    }

    /// What a batch of one reads at every step: W_hh (gates·H, H) in Float, every layer and direction.
    @Test(arguments: [
        ("rnn128", 65_536), ("lstm128", 262_144), ("lstm256", 1_048_576), ("lstm2x256", 2_097_152), ("bilstm128", 524_288),
    ])
    func recurrentWeightBytesCountEveryLayerAndDirection(name: String, bytes: Int) {
        #expect(Architecture.preset(named: name)!.recurrentWeightBytes == bytes)
    }

    @Test func descriptionsNameTheShape() {
        #expect(Architecture.preset(named: "lstm2x256")!.description == "lstm 2x256 (31 → 31)")
        #expect(Architecture.preset(named: "bilstm128")!.description == "lstm 128 bidirectional (31 → 31)")
        #expect(Architecture.preset(named: "gru9") == nil)
    }
}
