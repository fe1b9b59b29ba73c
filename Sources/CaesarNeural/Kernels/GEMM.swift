/// `C ← α·op(A)·op(B) + β·C` through BLAS, with the shapes checked first.
///
///     gemm(gates, hPrev, weightHH.T, beta: 1)   // (B, H) · (H, 4H) → (B, 4H)
@inlinable
public func gemm<Scalar: NeuralScalar>(
    _ c: MatrixView<Scalar>, _ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
    alpha: Scalar = 1, beta: Scalar = 0
) {
    let (m, k) = a.shape
    let (k2, n) = b.shape
    precondition(!c.isTransposed, "the result of a product cannot be a transposed view")
    precondition(k == k2 && c.rows == m && c.columns == n,
                 "product shapes: (\(m), \(k)) · (\(k2), \(n)) → (\(c.rows), \(c.columns))")
    guard m > 0, n > 0 else { return }
    if k == 0 {  // an empty sum: C ← β·C (BLAS rejects k = 0 with some leading dimensions)
        for r in 0..<m { for j in 0..<n { c[r, j] = beta == 0 ? 0 : beta * c[r, j] } }
        return
    }
    Scalar.blasGEMM(
        transposeA: a.isTransposed, transposeB: b.isTransposed, m: m, n: n, k: k,
        alpha: alpha, a: a.base, lda: a.stride, b: b.base, ldb: b.stride,
        beta: beta, c: c.base, ldc: c.stride)
}

/// The textbook triple loop: the reference `gemm` is tested against.
public func naiveGEMM<Scalar: NeuralScalar>(
    _ c: MatrixView<Scalar>, _ a: MatrixView<Scalar>, _ b: MatrixView<Scalar>,
    alpha: Scalar = 1, beta: Scalar = 0
) {
    let (m, k) = a.shape
    let (k2, n) = b.shape
    precondition(k == k2 && c.rows == m && c.columns == n, "product shapes: (\(m), \(k)) · (\(k2), \(n)) → (\(c.rows), \(c.columns))")
    func element(_ v: MatrixView<Scalar>, _ r: Int, _ j: Int) -> Scalar {
        v.isTransposed ? v[j, r] : v[r, j]
    }
    for r in 0..<m {
        for j in 0..<n {
            var sum: Scalar = 0
            for p in 0..<k { sum += element(a, r, p) * element(b, p, j) }
            c[r, j] = alpha * sum + (beta == 0 ? 0 : beta * c[r, j])
        }
    }
}
