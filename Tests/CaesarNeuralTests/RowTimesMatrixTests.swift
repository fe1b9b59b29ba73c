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
    /// sequence gets inside a larger batch (the multi-row kernel, and BLAS for layer 2's input).
    @Test func batchOfOneMatchesTheGeneralPath() {
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 80, layers: 2, bidirectional: true, outputSize: 31)
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 3, threads: 1)
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

    /// The multi-row kernel on A = Wᵀ (the forward product) against the double loop, every
    /// tile height (1–6 rows) and partial strips and blocks included; each row also equals the
    /// single-row kernel bit for bit (a sequence's values do not depend on its batch).
    @Test(arguments: [(1, 3, 5), (2, 128, 512), (5, 31, 100), (7, 64, 64), (13, 7, 130), (16, 256, 1024), (32, 20, 48)])
    func rowsKernelEqualsTheNaiveProduct(m: Int, k: Int, n: Int) {
        var rng = SeededGenerator(seed: UInt64(m * 100_000 + k * 1000 + n))
        let a = (0..<(m * k)).map { _ in rng.uniformFloat(in: -1, 1) }
        let w = (0..<(n * k)).map { _ in rng.uniformFloat(in: -1, 1) }  // W (n, k); the product uses Wᵀ
        let start = (0..<(m * n)).map { _ in rng.uniformFloat(in: -1, 1) }
        let packed = Buffer<Float>(count: PackedStrips<Float>.count(k: k, n: n))
        let strips = PackedStrips(packing: w, k: k, n: n, into: packed.base)
        var fast = start, byRow = start
        a.withUnsafeBufferPointer { a in
            let aView = MatrixView(UnsafeMutablePointer(mutating: a.baseAddress!), rows: m, columns: k)
            fast.withUnsafeMutableBufferPointer { c in
                multiplyRows(MatrixView(c.baseAddress!, rows: m, columns: n), aView, strips, accumulate: true)
            }
            for r in 0..<m {
                byRow.withUnsafeMutableBufferPointer { y in accumulateRowTimesMatrix(y.baseAddress! + r * n, a.baseAddress! + r * k, strips) }
            }
        }
        #expect(fast == byRow)
        for r in 0..<m {
            var slow = Array(start[(r * n)..<((r + 1) * n)])
            naiveRowTimesMatrix(&slow, Array(a[(r * k)..<((r + 1) * k)]), transposed: w, k: k, n: n)
            for j in 0..<n { #expect(abs(fast[r * n + j] - slow[j]) <= 1e-5 * max(1, abs(slow[j])), "row \(r) output \(j)") }
        }
    }

    /// The backward product C = α·A·W with W packed as itself (``PackedStrips/init(packingRows:k:n:into:)``),
    /// C overwritten, and only some strips: the rest of C is left alone.
    @Test(arguments: [(3, 40, 70), (16, 1024, 256), (6, 130, 200)])
    func rowsKernelOverwritesScaledAndByStrips(m: Int, k: Int, n: Int) {
        var rng = SeededGenerator(seed: UInt64(m + k + n))
        let a = (0..<(m * k)).map { _ in rng.uniformFloat(in: -1, 1) }
        let w = (0..<(k * n)).map { _ in rng.uniformFloat(in: -1, 1) }  // W (k, n), used as it is
        let packed = Buffer<Float>(count: PackedStrips<Float>.count(k: k, n: n))
        let strips = PackedStrips(packingRows: w, k: k, n: n, into: packed.base)
        let alpha: Float = 0.75, first = 1, last = strips.strips  // every strip but the first
        var c = [Float](repeating: 7, count: m * n)
        a.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { c in
                multiplyRows(MatrixView(c.baseAddress!, rows: m, columns: n), MatrixView(UnsafeMutablePointer(mutating: a.baseAddress!), rows: m, columns: k),
                             strips, alpha: alpha, accumulate: false, strips: first..<last)
            }
        }
        for r in 0..<m {
            for j in 0..<n {
                if j < PackedStrips<Float>.width {
                    #expect(c[r * n + j] == 7)
                } else {
                    var sum: Float = 0
                    for i in 0..<k { sum += a[r * k + i] * w[i * n + j] }
                    #expect(abs(c[r * n + j] - alpha * sum) <= 1e-4 * max(1, abs(alpha * sum)), "row \(r) output \(j)")
                }
            }
        }
    }
}
