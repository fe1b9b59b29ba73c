import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct TruncationTests {
    static let lstm = Architecture(cell: .lstm, inputSize: 6, hiddenSize: 3, outputSize: 4)
    static let bidirectional = Architecture(cell: .rnn, inputSize: 6, hiddenSize: 3, bidirectional: true, outputSize: 4)

    static func gradients(_ architecture: Architecture, _ batch: SequenceBatch, carry: [Double]?) -> [Double] {
        let model = ManyToManyModel<Double>(architecture: architecture, seed: 7, threads: 1)
        model.lossAndGradients(batch, carry: carry)
        return model.gradients.values
    }

    @Test func factorsMarkTheCuts() {
        var rng = SeededGenerator(seed: 0)
        #expect(Truncation.full.carryFactors(steps: 5, random: &rng) == [1, 1, 1, 1, 1])
        #expect(Truncation.every(2).carryFactors(steps: 7, random: &rng) == [1, 1, 0, 1, 0, 1, 0])
        #expect(Truncation.every(10).carryFactors(steps: 7, random: &rng) == [1, 1, 1, 1, 1, 1, 1])
        let random = Truncation.random(meanLength: 4).carryFactors(steps: 2000, random: &rng)
        let cuts = random.dropFirst().filter { $0 == 0 }.count
        #expect(random.dropFirst().allSatisfy { $0 == 0 || $0 == 4.0 / 3.0 })
        #expect((400...600).contains(cuts))  // about (T − 1)/4
    }

    @Test(arguments: [lstm, bidirectional])
    func windowAsLongAsTheSequenceIsFullBPTT(architecture: Architecture) {
        let batch = SequenceBatch(sequences: [[0, 1, 2, 3, 4], [5, 4, 3, 2, 1]], targets: [[0, 1, 2, 3, 0], [1, 1, 2, 2, 3]])
        var rng = SeededGenerator(seed: 0)
        let full = Self.gradients(architecture, batch, carry: nil)
        #expect(Self.gradients(architecture, batch, carry: Truncation.every(5).carryFactors(steps: 5, random: &rng)) == full)
        #expect(Self.gradients(architecture, batch, carry: Truncation.every(9).carryFactors(steps: 5, random: &rng)) == full)
        #expect(Self.gradients(architecture, batch, carry: Truncation.every(2).carryFactors(steps: 5, random: &rng)) != full)
    }

    /// Token 5 is read only at step 2, token 4 only at step 3, and only steps 3… carry a loss.
    /// A cut at step 3 (every 3) stops all gradient from reaching step 2, so W_ih's column for
    /// token 5 gets nothing, while token 4's column, read after the cut, still learns.
    @Test func theCutIsBetweenStepsKMinusOneAndK() {
        let ignore: Int32 = 3
        let batch = SequenceBatch(
            sequences: [[0, 1, 5, 4, 0, 1]], targets: [[ignore, ignore, ignore, 0, 1, 2]], ignoredTarget: ignore)
        var rng = SeededGenerator(seed: 0)
        let layout = ParameterLayout(Self.lstm)
        let column = { (values: [Double], token: Int) -> [Double] in
            let entry = layout["rnn.weight_ih_l0"]!
            return (0..<entry.shape[0]).map { values[entry.offset + $0 * 6 + token] }
        }
        let full = Self.gradients(Self.lstm, batch, carry: nil)
        let cut = Self.gradients(Self.lstm, batch, carry: Truncation.every(3).carryFactors(steps: 6, random: &rng))
        #expect(column(full, 5).contains { $0 != 0 })
        #expect(column(cut, 5).allSatisfy { $0 == 0 })
        #expect(column(cut, 4) == column(full, 4))  // every path from the loss to step 3 lies after the cut
    }

    /// Randomized truncation is unbiased: averaging its gradient over every cut pattern,
    /// weighted by the pattern's probability, gives the full-BPTT gradient.
    @Test(arguments: [lstm, bidirectional])
    func randomTruncationIsUnbiased(architecture: Architecture) {
        let T = 5, c = 1.0 / 3.0
        let batch = SequenceBatch(sequences: [[0, 1, 2, 3, 4], [5, 3, 1, 2, 0]], targets: [[0, 1, 2, 3, 0], [1, 2, 3, 0, 1]])
        var expected = [Double](repeating: 0, count: ParameterLayout(architecture).totalCount)
        for pattern in 0..<(1 << (T - 1)) {
            var carry = [1.0], probability = 1.0
            for s in 1..<T {
                let isCut = pattern & (1 << (s - 1)) != 0
                carry.append(isCut ? 0 : 1 / (1 - c))
                probability *= isCut ? c : 1 - c
            }
            let g = Self.gradients(architecture, batch, carry: carry)
            for k in expected.indices { expected[k] += probability * g[k] }
        }
        let full = Self.gradients(architecture, batch, carry: nil)
        for k in full.indices {
            #expect(abs(expected[k] - full[k]) <= 1e-12 * max(1, abs(full[k])), "parameter \(k)")
        }
    }
}
