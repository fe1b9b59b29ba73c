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
        let sequences = (0..<3).map { _ in (0..<6).map { _ in Int32(random.uniformInt(below: inputs)) } }
        let targets = (0..<3).map { _ in (0..<6).map { _ in Int32(random.uniformInt(below: outputs)) } }
        let labels = (0..<3).map { _ in Int32(random.uniformInt(below: outputs)) }
        return SequenceBatch(sequences: sequences, targets: targets, labels: labels)
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
}
