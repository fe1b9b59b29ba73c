/// The element type of a network: `Float` to train and run, `Double` to check gradients.
///
/// Every layer is written once, generic over its scalar. The `Float` conformance routes
/// matrix products to OpenBLAS's `sgemm` and uses vectorized approximations of `exp`,
/// `tanh` and the logistic sigmoid; the `Double` conformance uses `dgemm` and the C
/// library's functions, so that finite differences in double precision check the very code
/// that trains.
///
/// Why the heavy public entry points carry `@_specialize(exported: true, …)`: a generic
/// function called from another module runs unspecialized, through witness tables, and
/// element loops become hundreds of times slower. Exported specializations give callers
/// concrete `Float` and `Double` code.
public protocol NeuralScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable, CustomStringConvertible
where Self.RawSignificand: FixedWidthInteger {
    /// `C ← α·op(A)·op(B) + β·C` on row-major matrices, `op(A)` being (m, k) and `op(B)` (k, n).
    static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// `x ← tanh(x)` for `count` elements.
    static func tanh(_ x: UnsafeMutablePointer<Self>, count: Int)
    /// `x ← 1 / (1 + e^(−x))` for `count` elements.
    static func sigmoid(_ x: UnsafeMutablePointer<Self>, count: Int)
    /// tanh of 16 values at once, each lane as the array version computes it.
    static func tanh(_ x: SIMD16<Self>) -> SIMD16<Self>
    /// σ of 16 values at once, each lane as the array version computes it.
    static func sigmoid(_ x: SIMD16<Self>) -> SIMD16<Self>
    /// `x ← e^x` for `count` elements.
    static func exp(_ x: UnsafeMutablePointer<Self>, count: Int)
    /// The natural logarithm of one value.
    static func log(_ x: Self) -> Self

    /// The safetensors dtype name (`F32`, `F64`).
    static var safetensorsDType: String { get }
}

extension NeuralScalar {
    /// Scalar helpers for code outside the vector kernels (tests, lessons, small loops).
    @inlinable static func tanh(_ x: Self) -> Self {
        var y = x
        tanh(&y, count: 1)
        return y
    }

    @inlinable static func sigmoid(_ x: Self) -> Self {
        var y = x
        sigmoid(&y, count: 1)
        return y
    }

    @inlinable static func exp(_ x: Self) -> Self {
        var y = x
        exp(&y, count: 1)
        return y
    }
}
