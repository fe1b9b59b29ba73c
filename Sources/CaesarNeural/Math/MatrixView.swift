/// A window onto row-major storage: `rows × columns` elements, `stride` apart row to row.
///
/// A view can be a block of a larger buffer: one time step (B, H) of an activation buffer
/// (T, B, H), or one direction's half (T·B, H) of a bidirectional layer's (T·B, 2H) output,
/// whose rows are 2H apart. Views do not own memory; the buffers they point into must
/// outlive them.
public struct MatrixView<Scalar: NeuralScalar> {
    public let base: UnsafeMutablePointer<Scalar>
    public let rows: Int
    public let columns: Int
    public let stride: Int
    /// Read as its transpose in a product (BLAS does the transposition while it multiplies).
    public let isTransposed: Bool

    public init(_ base: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, stride: Int? = nil, transposed: Bool = false) {
        let stride = stride ?? columns
        precondition(rows >= 0 && columns >= 0 && stride >= max(columns, 1), "bad view \(rows)×\(columns) stride \(stride)")
        self.base = base
        self.rows = rows
        self.columns = columns
        self.stride = stride
        self.isTransposed = transposed
    }

    /// The same storage, read as its transpose: shape (columns, rows) in products.
    public var T: MatrixView { MatrixView(base, rows: rows, columns: columns, stride: stride, transposed: !isTransposed) }

    /// Rows and columns as a product sees them.
    public var shape: (rows: Int, columns: Int) { isTransposed ? (columns, rows) : (rows, columns) }

    /// Rows `first ..< first + count`.
    public func rows(_ first: Int, _ count: Int) -> MatrixView {
        precondition(!isTransposed && first >= 0 && count >= 0 && first + count <= rows, "rows \(first)..<\(first + count) of \(rows)")
        return MatrixView(base + first * stride, rows: count, columns: columns, stride: stride)
    }

    /// Columns `first ..< first + count` of every row.
    public func columns(_ first: Int, _ count: Int) -> MatrixView {
        precondition(!isTransposed && first >= 0 && count >= 0 && first + count <= columns, "columns \(first)..<\(first + count) of \(columns)")
        return MatrixView(base + first, rows: rows, columns: count, stride: stride)
    }

    @inlinable public subscript(row: Int, column: Int) -> Scalar {
        get { base[row * stride + column] }
        nonmutating set { base[row * stride + column] = newValue }
    }
}

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
