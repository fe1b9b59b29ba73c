/// A T × V matrix of `Float`, row-major: one row per time step, one column per token.
///
/// The pipeline's one-hot form (``Encoding/oneHot()``) and the decoder's input
/// (probability rows, ``TextDecoder/decode(probabilities:)``). Plain rows, columns and a
/// flat array, so that the neural module can use it without depending on this one.
///
///     TokenMatrix.oneHot([28, 7, 8, 29])   // 4 × 31; row 1 has its 1 in column 7 ("h")
public struct TokenMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// `rows × columns` values; element (t, j) is `values[t * columns + j]`.
    public var values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(rows >= 0 && columns >= 0, "a matrix has non-negative dimensions")
        precondition(values.count == rows * columns, "a \(rows) × \(columns) matrix needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The one-hot encoding of token indices: T × 31, row t is 1 at column `indices[t]`.
    public static func oneHot(_ indices: [UInt8]) -> TokenMatrix {
        var values = [Float](repeating: 0, count: indices.count * Token.count)
        for (t, index) in indices.enumerated() {
            precondition(index < Token.count, "token index \(index) is outside the vocabulary 0..<\(Token.count)")
            values[t * Token.count + Int(index)] = 1
        }
        return TokenMatrix(rows: indices.count, columns: Token.count, values: values)
    }

    public subscript(row: Int, column: Int) -> Float {
        precondition((0..<rows).contains(row) && (0..<columns).contains(column), "(\(row), \(column)) is outside a \(rows) × \(columns) matrix")
        return values[row * columns + column]
    }

    /// One row as an array of `columns` values.
    public func row(_ t: Int) -> ArraySlice<Float> {
        precondition((0..<rows).contains(t), "row \(t) is outside a matrix of \(rows) rows")
        return values[(t * columns)..<((t + 1) * columns)]
    }
}
