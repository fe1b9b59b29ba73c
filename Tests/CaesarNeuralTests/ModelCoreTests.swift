import Testing

@testable import CaesarNeural

/// What the three model classes hold through one ``ModelCore``: parameters updated in place,
/// and every change seen by the next pass (the workers' weight copies are rebuilt).
@Suite struct ModelCoreTests {
    static let setups: [Setup] = [.manyToMany, .manyToOne(.finalStates), .encoderDecoder]

    static func model(_ setup: Setup) -> any TrainableModel<Double> {
        let architecture = Architecture(cell: .lstm, inputSize: 5, hiddenSize: 4, layers: 2, outputSize: 5, setup: setup)
        return makeTrainableModel(architecture: architecture, seed: 1, threads: 2, as: Double.self)
    }

    /// Two sequences of three steps, with targets and labels for every setup.
    static let batch = SequenceBatch(sequences: [[0, 1, 2], [3, 4, 0]], targets: [[0, 2, 3], [0, 1, 4]], labels: [1, 3])

    static func address(_ values: [Double]) -> UnsafeRawPointer {
        values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) }
    }

    @Test(arguments: setups)
    func anUpdateThroughTheModelWritesTheOneBuffer(_ setup: Setup) {
        let model = Self.model(setup)
        let before = Self.address(model.parameters.values)
        model.parameters.values[0] += 1
        for k in model.parameters.values.indices { model.parameters.values[k] *= 0.5 }
        #expect(Self.address(model.parameters.values) == before, "a copy of the parameters was made")

        let gradients = Self.address(model.gradients.values)
        model.lossAndGradients(Self.batch, carry: nil)
        #expect(Self.address(model.gradients.values) == gradients, "a copy of the gradients was made")
    }

    @Test(arguments: setups)
    func theNextPassReadsTheChangedParameters(_ setup: Setup) {
        let model = Self.model(setup)
        let original = model.loss(Self.batch), saved = model.parameters.values
        let bias = model.parameters.layout.entry("out.bias").range.lowerBound
        model.parameters.values[bias] += 3  // the head's first class
        let changed = model.loss(Self.batch)
        #expect(changed != original)

        model.parameters.values = saved
        #expect(model.loss(Self.batch) == original)  // the same arithmetic on the same values
    }

    @Test func threadsAreTheCoresThreads() {
        let model = ManyToManyModel<Double>(
            architecture: Architecture(cell: .rnn, inputSize: 5, hiddenSize: 4, outputSize: 5), seed: 1, threads: 2)
        model.threads = 1
        #expect(model.core.threads == 1 && model.threads == 1)
    }
}
