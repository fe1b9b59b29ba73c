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

    /// The table in at most `width` columns: whole when it fits, otherwise cut into tables of
    /// as many columns as fit, one under the other (a blank line between), each led by the
    /// first `keys` columns so that its rows can still be told apart. A column too wide for
    /// any line gets a table of its own.
    public func render(indent: Int = 2, fitting width: Int, keys: Int = 1) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let span = { (columns: [Int]) in indent + columns.reduce(0) { $0 + widths[$1] } + 2 * (columns.count - 1) }
        guard span(Array(header.indices)) > width, header.count > keys else { return render(indent: indent) }
        let lead = Array(0..<keys)
        var groups: [[Int]] = [lead]
        for column in keys..<header.count {
            if groups[groups.count - 1].count > keys, span(groups[groups.count - 1] + [column]) > width { groups.append(lead) }
            groups[groups.count - 1].append(column)
        }
        return groups.map { columns in
            var part = TextTable(header: columns.map { header[$0] })
            for row in rows { part.append(columns.map { row[$0] }) }
            return part.render(indent: indent)
        }.joined(separator: "\n")
    }

    private static func looksNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber || ((first == "-" || first == "+") && cell.dropFirst().first?.isNumber == true)
    }
}
