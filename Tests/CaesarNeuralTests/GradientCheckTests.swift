import CaesarRandom
import Testing

@testable import CaesarNeural

/// Finite differences in Double against backpropagation, for every tensor of every
/// architecture of every setup.
@Suite struct GradientCheckTests {
    static let architectures: [Architecture] = [
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, outputSize: 4),
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 4),
    ]

    /// Key classifiers: both poolings, both cells, one and two layers, one and two directions.
    static let classifiers: [Architecture] = [
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, outputSize: 4, setup: .manyToOne(.finalStates)),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, outputSize: 4, setup: .manyToOne(.finalStates)),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 4, setup: .manyToOne(.finalStates)),
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, bidirectional: true, outputSize: 4, setup: .manyToOne(.mean)),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, outputSize: 4, setup: .manyToOne(.mean)),
    ]

    /// Encoder–decoders: both cells, one and two layers, uni- and bidirectional encoders.
    static let encoderDecoders: [Architecture] = [
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, outputSize: 4, setup: .encoderDecoder),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, outputSize: 4, setup: .encoderDecoder),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, bidirectional: true, outputSize: 4, setup: .encoderDecoder),
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 2, layers: 2, bidirectional: true, outputSize: 4, setup: .encoderDecoder),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 2, layers: 2, bidirectional: true, outputSize: 4, setup: .encoderDecoder),
    ]

    /// B = 3 random sequences of T = 6 steps, with a label per sequence.
    static func batch(inputs: Int, outputs: Int, seed: UInt64) -> SequenceBatch {
        var random = SeededGenerator(seed: seed)
        return SequenceBatch.random(steps: 6, size: 3, inputs: inputs, outputs: outputs, random: &random)
    }

    /// Every tensor within 1e-6 (relative, as ``GradientCheck`` measures), on 1 and 2 threads.
    func expectGradientsMatch(_ architecture: Architecture, batch: SequenceBatch) {
        for threads in [1, 2] {
            let model: any TrainableModel<Double> = makeTrainableModel(architecture: architecture, seed: 1, threads: threads)
            let report = GradientCheck.run(model: model, batch: batch)
            #expect(report.tensors.count == ParameterLayout(architecture).entries.count)
            for tensor in report.tensors {
                #expect(tensor.maxRelativeError < 1e-6, "\(architecture) \(tensor.name): \(tensor)")
            }
        }
    }

    @Test(arguments: architectures)
    func bpttMatchesFiniteDifferences(architecture: Architecture) {
        expectGradientsMatch(architecture, batch: Self.batch(inputs: 5, outputs: 4, seed: 2))
    }

    @Test(arguments: classifiers)
    func keyClassifierMatchesFiniteDifferences(architecture: Architecture) {
        expectGradientsMatch(architecture, batch: Self.batch(inputs: 5, outputs: 4, seed: 3))
    }

    /// Through the decoder, the handover of h (and c) and the encoder; one target ignored.
    @Test(arguments: encoderDecoders)
    func encoderDecoderMatchesFiniteDifferences(architecture: Architecture) {
        var batch = Self.batch(inputs: 5, outputs: 4, seed: 4)
        batch.ignoredTarget = 3
        expectGradientsMatch(architecture, batch: batch)
    }

    @Test func aLimitSpreadsTheCheckedElementsOverTheTensor() {
        #expect(GradientCheck.sample(0..<10, limit: 4) == [0, 2, 5, 7])
        #expect(GradientCheck.sample(100..<106, limit: 3) == [100, 102, 104])
        #expect(GradientCheck.sample(3..<6, limit: 5) == [3, 4, 5])
        #expect(GradientCheck.sample(3..<6, limit: nil) == [3, 4, 5])
        // An LSTM's W_ih (4H, V) with H = 3, V = 5: every gate block i, f, g, o gets its share.
        let architecture = Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, outputSize: 4)
        let model = ManyToManyModel<Double>(architecture: architecture, seed: 1, threads: 1)
        let report = GradientCheck.run(model: model, batch: Self.batch(inputs: 5, outputs: 4, seed: 2), limit: 8)
        #expect(report.tensors.map(\.checked) == [8, 8, 8, 8, 8, 4])
        let rows = GradientCheck.sample(0..<60, limit: 8).map { $0 / 5 }
        #expect(Set(rows.map { $0 / 3 }) == [0, 1, 2, 3])
    }

    @Test func aRandomBatchIsReproducibleAndInRange() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        let first = SequenceBatch.random(steps: 4, size: 2, inputs: 5, outputs: 3, random: &a)
        #expect(first == SequenceBatch.random(steps: 4, size: 2, inputs: 5, outputs: 3, random: &b))
        #expect(first.inputs.count == 8 && first.inputs.allSatisfy { (0..<5).contains($0) })
        #expect(first.targets.count == 8 && first.targets.allSatisfy { (0..<3).contains($0) })
        #expect(first.ignoredTarget == nil)
        #expect(first.labels.count == 2 && first.labels.allSatisfy { (0..<3).contains($0) })
    }
}
