import CBLAS

#if canImport(Glibc)
import Glibc
#endif

/// Single precision: the fast path. BLAS `sgemm` and vectorized approximations (`FastMath`)
/// accurate to a few units in the last place.
extension Float: NeuralScalar {
    public static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    public static func tanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
        FastMath.apply(x, count: count, FastMath.tanh)
    }

    public static func sigmoid(_ x: UnsafeMutablePointer<Float>, count: Int) {
        FastMath.apply(x, count: count, FastMath.sigmoid)
    }

    @inlinable public static func tanh(_ x: SIMD16<Float>) -> SIMD16<Float> { FastMath.tanh(x) }

    @inlinable public static func sigmoid(_ x: SIMD16<Float>) -> SIMD16<Float> { FastMath.sigmoid(x) }

    public static func exp(_ x: UnsafeMutablePointer<Float>, count: Int) {
        FastMath.apply(x, count: count, FastMath.exp)
    }

    public static func log(_ x: Float) -> Float { Glibc.logf(x) }

    public static var safetensorsDType: String { "F32" }
}
