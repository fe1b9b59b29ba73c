import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct MatrixViewTests {
    @Test func matrixElementsAreRowMajor() {
        var m = Matrix<Float>(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4)
        m[0, 2] = 9
        #expect(m.values == [1, 2, 9, 4, 5, 6])
        #expect(m.row(1) == [4, 5, 6])
    }

    @Test func blocksAndColumnsAddressTheRightElements() {
        let buffer = Buffer<Float>(count: 12)
        for k in 0..<12 { buffer.base[k] = Float(k) }
        let m = buffer.view(rows: 3, columns: 4)
        #expect(m.rows(1, 2)[0, 0] == 4)
        #expect(m.columns(2, 2)[2, 1] == 11)
        #expect(m.columns(2, 2).rows(1, 1)[0, 0] == 6)
        #expect(m.T.shape == (4, 3))
    }

    /// BLAS against the triple loop, for every transposition, strided views, α and β.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func blasEqualsTheNaiveProduct(transposeA: Bool, transposeB: Bool) {
        var rng = SeededGenerator(seed: 11)
        let (m, n, k) = (5, 7, 6)
        let a = Buffer<Double>(count: 64), b = Buffer<Double>(count: 64)
        for i in 0..<64 {
            a.base[i] = rng.uniformDouble() - 0.5
            b.base[i] = rng.uniformDouble() - 0.5
        }
        // Strided views (stride 8) into 8×8 storage, read transposed where asked.
        let viewA = transposeA ? MatrixView(a.base, rows: k, columns: m, stride: 8).T : MatrixView(a.base, rows: m, columns: k, stride: 8)
        let viewB = transposeB ? MatrixView(b.base, rows: n, columns: k, stride: 8).T : MatrixView(b.base, rows: k, columns: n, stride: 8)
        let fast = Buffer<Double>(count: m * 9), slow = Buffer<Double>(count: m * 9)
        for i in 0..<(m * 9) { fast.base[i] = Double(i); slow.base[i] = Double(i) }
        gemm(MatrixView(fast.base, rows: m, columns: n, stride: 9), viewA, viewB, alpha: 0.5, beta: 2)
        naiveGEMM(MatrixView(slow.base, rows: m, columns: n, stride: 9), viewA, viewB, alpha: 0.5, beta: 2)
        for i in 0..<(m * 9) {
            #expect(abs(fast.base[i] - slow.base[i]) < 1e-13, "element \(i)")
        }
    }

    @Test func singlePrecisionBLASAgreesToo() {
        var rng = SeededGenerator(seed: 12)
        let (m, n, k) = (33, 17, 129)  // odd sizes cross every SIMD and blocking edge
        let a = Buffer<Float>(count: m * k), b = Buffer<Float>(count: k * n)
        for i in 0..<(m * k) { a.base[i] = rng.uniformFloat(in: -1, 1) }
        for i in 0..<(k * n) { b.base[i] = rng.uniformFloat(in: -1, 1) }
        let fast = Buffer<Float>(count: m * n), slow = Buffer<Float>(count: m * n)
        gemm(fast.view(rows: m, columns: n), a.view(rows: m, columns: k), b.view(rows: k, columns: n))
        naiveGEMM(slow.view(rows: m, columns: n), a.view(rows: m, columns: k), b.view(rows: k, columns: n))
        for i in 0..<(m * n) {
            #expect(abs(fast.base[i] - slow.base[i]) < 1e-4, "element \(i)")
        }
    }
}
