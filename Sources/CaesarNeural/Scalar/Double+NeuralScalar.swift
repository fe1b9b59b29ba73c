import CBLAS

#if canImport(Glibc)
import Glibc
#endif

/// Double precision: the reference. BLAS `dgemm` and the C library's exact functions.
extension Double: NeuralScalar {
    public static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    public static func tanh(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { x[i] = Glibc.tanh(x[i]) }
    }

    public static func sigmoid(_ x: UnsafeMutablePointer<Double>, count: Int) {
        // Written so that neither branch can overflow.
        for i in 0..<count {
            let v = x[i]
            if v >= 0 {
                x[i] = 1 / (1 + Glibc.exp(-v))
            } else {
                let e = Glibc.exp(v)
                x[i] = e / (1 + e)
            }
        }
    }

    public static func tanh(_ x: SIMD16<Double>) -> SIMD16<Double> { lanes(x, tanh(_:count:)) }

    public static func sigmoid(_ x: SIMD16<Double>) -> SIMD16<Double> { lanes(x, sigmoid(_:count:)) }

    /// The array version applied to the 16 lanes.
    private static func lanes(_ x: SIMD16<Double>, _ f: (UnsafeMutablePointer<Double>, Int) -> Void) -> SIMD16<Double> {
        var y = x
        withUnsafeMutableBytes(of: &y) { f($0.baseAddress!.assumingMemoryBound(to: Double.self), 16) }
        return y
    }

    public static func exp(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { x[i] = Glibc.exp(x[i]) }
    }

    public static func log(_ x: Double) -> Double { Glibc.log(x) }

    public static var safetensorsDType: String { "F64" }
}
