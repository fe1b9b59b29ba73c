/// A dense row-major matrix of `Float`: element (r, c) lives at `r * columns + c`.
///
/// This is the storage of every weight, gradient and activation in the neural module. Shapes
/// in comments use fixed letters: `T` time steps, `B` batch, `V` vocabulary, `H` hidden size.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public var values: [Float]

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = [Float](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public var count: Int { rows * columns }

    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }
}
