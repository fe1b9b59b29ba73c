import CaesarRandom
import Testing

@testable import CaesarNeural

/// Finite differences in Double against BPTT, for every tensor of every architecture.
@Suite struct GradientCheckTests {
    static let architectures: [Architecture] = [
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, outputSize: 4),
        Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 4),
        Architecture(cell: .lstm, inputSize: 5, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 4),
    ]

    /// B = 3 random sequences of T = 6 steps.
    static func batch(inputs: Int, outputs: Int, seed: UInt64) -> SequenceBatch {
        var random = SeededGenerator(seed: seed)
        let sequences = (0..<3).map { _ in (0..<6).map { _ in Int32(random.uniformInt(below: inputs)) } }
        let targets = (0..<3).map { _ in (0..<6).map { _ in Int32(random.uniformInt(below: outputs)) } }
        return SequenceBatch(sequences: sequences, targets: targets)
    }

    @Test(arguments: architectures)
    func bpttMatchesFiniteDifferences(architecture: Architecture) {
        for threads in [1, 2] {
            let model = SequenceModel<Double>(architecture: architecture, seed: 1, threads: threads)
            let report = GradientCheck.run(model: model, batch: Self.batch(inputs: 5, outputs: 4, seed: 2))
            #expect(report.tensors.count == ParameterLayout(architecture).entries.count)
            for tensor in report.tensors {
                #expect(tensor.maxRelativeError < 1e-6, "\(architecture) \(tensor.name): \(tensor)")
            }
        }
    }
}
