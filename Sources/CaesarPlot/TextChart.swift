/// A plot drawn with characters, for the terminal.
///
/// Each series gets its own marker (●, ○, ■, … or `*`, `o`, `+`, … in ASCII); consecutive
/// points are joined by faint dots. Later series are drawn over earlier ones. The y label
/// stands above the axis, the x label below it, and the legend names each marker.
///
///     Gradient flow
///     |dh_T/dh_k|
///       1e2 ┤                                ●
///           │                        ●   ·
///         1 ┼●···●···●···●···●···●···○···○···○
///           │            ○   ·
///      1e-2 ┤    ○ ·
///           └┬───────┬───────┬───────┬───────┬
///            0       2       4       6       8
///                       distance t − k
///      ● w = 5   ○ w = 3
public struct TextChart: Sendable {
    /// Which characters to draw with.
    public enum Style: Sendable {
        /// Box-drawing lines and geometric markers.
        case unicode
        /// Plain `|`, `-`, `+` and letters, for terminals and files that are not UTF-8.
        case ascii
    }

    /// Columns of the plotting area (axes and labels come on top).
    public var width: Int
    /// Rows of the plotting area.
    public var height: Int
    public var style: Style

    public init(width: Int = 64, height: Int = 16, style: Style = .unicode) {
        precondition(width >= 8 && height >= 4, "a text chart needs at least 8×4 cells, got \(width)×\(height)")
        self.width = width
        self.height = height
        self.style = style
    }

    /// The markers, one per series, in order (they repeat after the last).
    public var markers: [Character] {
        style == .unicode ? ["●", "○", "■", "□", "▲", "△", "◆", "◇", "★", "☆"] : ["*", "o", "+", "x", "#", "@", "%", "&", "=", "~"]
    }

    /// The chart as lines of text, each ending in a newline.
    public func render(_ plot: Plot) -> String {
        let glyph = style == .unicode
            ? (vertical: "│", tick: "┤", bottomTick: "┬", corner: "└", horizontal: "─", dot: Character("·"))
            : (vertical: "|", tick: "+", bottomTick: "+", corner: "+", horizontal: "-", dot: Character("."))
        var lines: [String] = []
        if !plot.title.isEmpty { lines.append(plot.title) }
        if !plot.yLabel.isEmpty { lines.append(plot.yLabel) }

        guard let (xAxis, yAxis) = plot.axes(xTicks: max(3, width / 10), yTicks: max(3, height / 3)) else {
            lines.append("(no data to plot)")
            return lines.map { $0 + "\n" }.joined()
        }

        // The grid: row 0 is the top. Lines first, then markers over them.
        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        func cell(_ p: PlotPoint) -> (column: Double, row: Double) {
            (xAxis.fraction(of: p.x) * Double(width - 1), (1 - yAxis.fraction(of: p.y)) * Double(height - 1))
        }
        for series in plot.series {
            let points = series.points.filter(plot.isDrawable)
            for (from, to) in zip(points, points.dropFirst()) {
                let (a, b) = (cell(from), cell(to))
                let steps = Int(max(abs(b.column - a.column), abs(b.row - a.row)).rounded(.up))
                guard steps > 1 else { continue }
                for s in 1..<steps {
                    let t = Double(s) / Double(steps)
                    let column = Int((a.column + t * (b.column - a.column)).rounded())
                    let row = Int((a.row + t * (b.row - a.row)).rounded())
                    if grid[row][column] == " " { grid[row][column] = glyph.dot }
                }
            }
        }
        for (index, series) in plot.series.enumerated() {
            for p in series.points where plot.isDrawable(p) {
                let (column, row) = cell(p)
                grid[Int(row.rounded())][Int(column.rounded())] = markers[index % markers.count]
            }
        }

        // The y axis: tick labels right-aligned in a margin.
        var tickRows: [Int: String] = [:]
        for tick in yAxis.ticks {
            tickRows[Int(((1 - yAxis.fraction(of: tick)) * Double(height - 1)).rounded())] = yAxis.label(for: tick)
        }
        let margin = (tickRows.values.map(\.count).max() ?? 0) + 1
        for row in 0..<height {
            let label = tickRows[row] ?? ""
            let axis = tickRows[row] == nil ? glyph.vertical : glyph.tick
            lines.append(String(repeating: " ", count: margin - label.count) + label + axis + String(grid[row]))
        }

        // The x axis: a rule with tick marks, labels centred under them where they fit.
        var rule = [Character](repeating: Character(glyph.horizontal), count: width)
        var labels = [Character](repeating: " ", count: width + 8)
        var free = 0  // first column a new label may use
        for tick in xAxis.ticks {
            let column = Int((xAxis.fraction(of: tick) * Double(width - 1)).rounded())
            rule[column] = Character(glyph.bottomTick)
            let text = Array(xAxis.label(for: tick))
            let start = max(0, column - text.count / 2)
            guard start >= free, start + text.count <= labels.count else { continue }
            labels.replaceSubrange(start..<(start + text.count), with: text)
            free = start + text.count + 1
        }
        lines.append(String(repeating: " ", count: margin) + glyph.corner + String(rule))
        lines.append(String(repeating: " ", count: margin + 1) + String(labels))
        if !plot.xLabel.isEmpty {
            let indent = margin + 1 + max(0, (width - plot.xLabel.count) / 2)
            lines.append(String(repeating: " ", count: indent) + plot.xLabel)
        }
        let legend = plot.series.enumerated().map { index, series in
            let skipped = plot.skippedCount(of: series)
            return "\(markers[index % markers.count]) \(series.name)" + (skipped > 0 ? " (\(skipped) not shown)" : "")
        }
        if !legend.isEmpty { lines.append(String(repeating: " ", count: margin + 1) + legend.joined(separator: "   ")) }
        return lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }
}
