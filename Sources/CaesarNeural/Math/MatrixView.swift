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
