import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct RowTimesMatrixTests {
    /// The packed kernel against the double loop, including sizes that leave a partial strip.
    @Test(arguments: [(3, 5), (128, 512), (31, 100), (64, 64), (7, 130), (256, 1024)])
    func kernelEqualsTheNaiveProduct(k: Int, n: Int) {
        var rng = SeededGenerator(seed: UInt64(k * 1000 + n))
        let x = (0..<k).map { _ in rng.uniformFloat(in: -1, 1) }
        let w = (0..<(n * k)).map { _ in rng.uniformFloat(in: -1, 1) }  // W (n, k); the product uses Wᵀ
        let start = (0..<n).map { _ in rng.uniformFloat(in: -1, 1) }
        var fast = start, slow = start
        let packed = Buffer<Float>(count: PackedStrips<Float>.count(k: k, n: n))
        let strips = PackedStrips(packing: w, k: k, n: n, into: packed.base)
        accumulateRowTimesMatrix(&fast, x, strips)
        naiveRowTimesMatrix(&slow, x, transposed: w, k: k, n: n)
        for j in 0..<n { #expect(abs(fast[j] - slow[j]) <= 1e-5 * max(1, abs(slow[j])), "output \(j)") }
    }

    /// A batch of one sequence (which takes the vector kernel) gives the logits that the same
    /// sequence gets inside a larger batch (which takes BLAS).
    @Test func batchOfOneMatchesTheGeneralPath() {
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 80, layers: 2, bidirectional: true, outputSize: 31)
        let model = SequenceModel<Float>(architecture: architecture, seed: 3, threads: 1)
        var rng = SeededGenerator(seed: 4)
        let sequences = (0..<3).map { _ in (0..<20).map { _ in Int32(rng.uniformInt(below: 31)) } }
        let together = model.logits(SequenceBatch(sequences: sequences))
        let alone = model.logits(SequenceBatch(sequences: [sequences[1]]))
        for t in 0..<20 {
            for o in 0..<31 { #expect(abs(alone[t, o] - together[t * 3 + 1, o]) < 1e-5) }
        }
        // After the weights change, the cached transposed copy follows.
        model.parameters.values.withUnsafeMutableBufferPointer { p in for k in p.indices { p[k] *= 0.5 } }
        let halvedTogether = model.logits(SequenceBatch(sequences: sequences))
        let halvedAlone = model.logits(SequenceBatch(sequences: [sequences[1]]))
        for o in 0..<31 { #expect(abs(halvedAlone[19, o] - halvedTogether[19 * 3 + 1, o]) < 1e-5) }
    }
}
