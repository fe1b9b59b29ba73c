/// A table of text for the terminal: a header row, a rule, and columns aligned on the
/// widest cell. Numbers are right-aligned, everything else left-aligned.
///
///     var table = TextTable(header: ["t", "h_t"])
///     table.append(["1", "0.6044"])
///     table.render()   // "t  h_t   \n-  ------\n1  0.6044\n" (trailing spaces trimmed)
public struct TextTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row of \(row.count) cells in a table of \(header.count) columns")
        rows.append(row)
    }

    /// The table as lines of text, each ending in a newline, indented by `indent` spaces.
    public func render(indent: Int = 2) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String], alignNumbers: Bool) -> String {
            var text = String(repeating: " ", count: indent)
            for (column, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                let right = alignNumbers && TextTable.looksNumeric(cell)
                text += (right ? pad + cell : cell + pad) + (column == cells.count - 1 ? "" : "  ")
            }
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var text = line(header, alignNumbers: false)
        text += line(widths.map { String(repeating: "-", count: $0) }, alignNumbers: false)
        for row in rows { text += line(row, alignNumbers: true) }
        return text
    }

    private static func looksNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber || ((first == "-" || first == "+") && cell.dropFirst().first?.isNumber == true)
    }
}
