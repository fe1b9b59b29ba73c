import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct SharedStepsTests {
    /// Every part of every step runs once, and only after both parts of the step before.
    @Test func partsRunInStepOrderAndEachOnce() {
        let steps = 2000
        let done = UnsafeMutableBufferPointer<Int>.allocate(capacity: steps * 2)
        let early = UnsafeMutableBufferPointer<Int>.allocate(capacity: steps * 2)
        defer { done.deallocate(); early.deallocate() }
        done.initialize(repeating: 0)
        early.initialize(repeating: 0)
        SharedSteps.run(steps: steps, parts: 2) { s, part in
            if s > 0 && (done[2 * (s - 1)] != 1 || done[2 * (s - 1) + 1] != 1) { early[2 * s + part] = 1 }
            done[2 * s + part] += 1
        }
        #expect(done.allSatisfy { $0 == 1 })
        #expect(early.allSatisfy { $0 == 0 })
    }

    /// One sequence on two cores (steps shared, or the two directions side by side) gives the
    /// logits of one core, bit for bit.
    @Test(arguments: [
        Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, layers: 2, bidirectional: false, outputSize: 31),
        Architecture(cell: .rnn, inputSize: 31, hiddenSize: 384, layers: 1, bidirectional: false, outputSize: 31),
        Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, layers: 1, bidirectional: true, outputSize: 31),
    ])
    func twoCoresGiveOneCoresLogits(_ architecture: Architecture) {
        let shared = architecture.cell.gatesPerUnit * architecture.hiddenSize * architecture.hiddenSize * 4
        #expect(architecture.bidirectional || shared >= RecurrentProduct.sharedStepsMinimumBytes)  // the shared path runs
        let one = ManyToManyModel<Float>(architecture: architecture, seed: 5, threads: 1)
        let two = ManyToManyModel<Float>(architecture: architecture, seed: 5, threads: 2)
        var rng = SeededGenerator(seed: 6)
        let sequence = SequenceBatch(sequences: [(0..<40).map { _ in Int32(rng.uniformInt(below: 31)) }])
        #expect(one.logits(sequence).values == two.logits(sequence).values)
    }
}
