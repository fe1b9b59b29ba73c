import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct KeyClassifierTests {
    static func batch(size: Int, steps: Int, seed: UInt64) -> SequenceBatch {
        var rng = SeededGenerator(seed: seed)
        let sequences = (0..<size).map { _ in (0..<steps).map { _ in Int32(rng.uniformInt(below: 7)) } }
        return SequenceBatch(sequences: sequences, labels: (0..<size).map { _ in Int32(rng.uniformInt(below: 5)) })
    }

    /// The same `rnn.*` and `out.*` tensors as a many-to-many network: a unidirectional
    /// classifier on its final state gives the many-to-many logits of the last step, and mean
    /// pooling the mean of every step's logits (the head is linear).
    @Test(arguments: [CellKind.rnn, .lstm])
    func poolingPicksTheStepsItSays(cell: CellKind) {
        let aligned = Architecture(cell: cell, inputSize: 7, hiddenSize: 4, layers: 2, outputSize: 5)
        let sequence = ManyToManyModel<Double>(architecture: aligned, seed: 3, threads: 1)
        let batch = Self.batch(size: 3, steps: 6, seed: 4)
        let perStep = sequence.logits(batch)
        var final = aligned, mean = aligned
        final.setup = .manyToOne(.finalStates)
        mean.setup = .manyToOne(.mean)
        let last = KeyClassifier(architecture: final, parameters: sequence.parameters, threads: 2).logits(batch)
        let average = KeyClassifier(architecture: mean, parameters: sequence.parameters, threads: 2).logits(batch)
        for b in 0..<3 {
            for o in 0..<5 {
                #expect(abs(last[b, o] - perStep[5 * 3 + b, o]) < 1e-12)
                let expected = (0..<6).reduce(0.0) { $0 + perStep[$1 * 3 + b, o] } / 6
                #expect(abs(average[b, o] - expected) < 1e-12)
            }
        }
    }

    /// Bidirectional final states: [h_fwd at T−1 ; h_bwd at 0], PyTorch's h_n.
    @Test func bidirectionalFinalStatesAreBothEnds() {
        var architecture = Architecture(cell: .lstm, inputSize: 7, hiddenSize: 3, bidirectional: true, outputSize: 5)
        let sequence = ManyToManyModel<Double>(architecture: architecture, seed: 5, threads: 1)
        let batch = Self.batch(size: 2, steps: 4, seed: 6)
        let states = sequence.hiddenStates(batch)[0]  // (T·B, 2H)
        architecture.setup = .manyToOne(.finalStates)
        let classifier = KeyClassifier(architecture: architecture, parameters: sequence.parameters, threads: 1)
        let w = classifier.parameters["out.weight"], bias = classifier.parameters["out.bias"], logits = classifier.logits(batch)
        for b in 0..<2 {
            let z = (0..<3).map { states[3 * 2 + b, $0] } + (3..<6).map { states[0 * 2 + b, $0] }
            for o in 0..<5 {
                let expected = bias[o] + (0..<6).reduce(0.0) { $0 + w[o * 6 + $1] * z[$1] }
                #expect(abs(logits[b, o] - expected) < 1e-12)
            }
        }
    }

    @Test func lossIsMeanCrossEntropyOfTheLabelsAndPredictionsTheArgmax() {
        let architecture = Architecture(cell: .rnn, inputSize: 7, hiddenSize: 4, bidirectional: true, outputSize: 5, setup: .manyToOne(.mean))
        let model = KeyClassifier<Double>(architecture: architecture, seed: 7, threads: 2)
        let batch = Self.batch(size: 5, steps: 3, seed: 8)
        let logits = model.logits(batch)
        var expected = 0.0
        for b in 0..<5 {
            let row = (0..<5).map { logits[b, $0] }
            expected += Double.log(row.map { Double.exp($0) }.reduce(0, +)) - row[Int(batch.labels[b])]
            #expect(model.predictions(batch)[b] == Int32(row.indices.max { row[$0] < row[$1] }!))
        }
        #expect(abs(model.loss(batch) - expected / 5) < 1e-12)
        #expect(abs(model.lossAndGradients(batch) - expected / 5) < 1e-12)
    }

    /// Each sequence's logits depend neither on the others nor on the thread count, to rounding:
    /// the workers' parts reach BLAS in products of other shapes, which a CPU's kernels may sum
    /// in another order (the same thread count on the same machine gives the same bits).
    @Test func sequencesAreIndependentOfTheirBatchAndThreads() {
        let architecture = Architecture(cell: .lstm, inputSize: 7, hiddenSize: 4, layers: 2, outputSize: 5, setup: .manyToOne(.finalStates))
        let model = KeyClassifier<Double>(architecture: architecture, seed: 9, threads: 2)
        let batch = Self.batch(size: 5, steps: 4, seed: 10)
        let together = model.logits(batch)
        model.threads = 1
        for (a, e) in zip(model.logits(batch).values, together.values) { #expect(abs(a - e) < 1e-12) }
        model.threads = 2
        #expect(model.logits(batch) == together)
        for b in 0..<5 {  // a batch of one takes the vector kernel: equal to rounding
            for (a, e) in zip(model.logits(batch.sequences(b..<(b + 1))).values, together.row(b)) { #expect(abs(a - e) < 1e-12) }
        }
    }
}
