/// A dense row-major matrix: element (r, c) lives at `r * columns + c`.
///
/// Used where matrices cross the module's boundary (logits, tensors in tests and files).
/// Inside the layers, work happens on ``MatrixView`` windows over preallocated buffers.
public struct Matrix<Scalar: NeuralScalar>: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public var values: [Scalar]

    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = [Scalar](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, values: [Scalar]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public var count: Int { rows * columns }

    public subscript(row: Int, column: Int) -> Scalar {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The row of one time step and sequence, as a plain array.
    public func row(_ r: Int) -> [Scalar] {
        Array(values[(r * columns)..<((r + 1) * columns)])
    }
}
