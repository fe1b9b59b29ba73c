/// A heatmap as a self-contained SVG document: the title, column labels above the cells
/// (written upwards when longer than a character), row labels on the left, the cells, outlines on marked cells, and a legend
/// of the colour levels with their ranges on the right. Like ``SVGPlot``, it references no
/// scripts, fonts or files, so it opens from disk and can be inlined into HTML.
///
/// The cells of one colour are drawn as one path, so a map of 500 × 100 cells stays a few
/// hundred kilobytes; hover titles (``Heatmap/cellTitles``) add an element per cell and are
/// meant for small maps.
///
///     let svg = SVGHeatmap(cellWidth: 14, cellHeight: 14).render(map)
public struct SVGHeatmap: Sendable {
    public var cellWidth: Double
    public var cellHeight: Double

    public init(cellWidth: Double = 14, cellHeight: Double = 14) {
        precondition(cellWidth >= 1 && cellHeight >= 1, "cells need at least 1×1 pixel")
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }

    /// Pixels per character of the 11-pixel monospace labels (a little over their advance).
    static let characterWidth = 7.0
    static let notFiniteColour = "#bdbdbd"
    /// The dashed outline of ``Heatmap/secondaryMarked`` cells: green, apart from the orange marks.
    static let secondaryColour = "#2ca02c"

    /// The complete SVG document, ending in a newline.
    public func render(_ map: Heatmap) -> String {
        let labelWidth = { (labels: [String]) in Double(labels.map(\.count).max() ?? 0) * SVGHeatmap.characterWidth }
        let left = 8 + (map.rowAxisLabel.isEmpty ? 0 : 20) + labelWidth(map.rowLabels) + 6
        let top = 34 + (map.columnAxisLabel.isEmpty ? 0 : 18) + labelWidth(map.columnLabels) + 6
        let (gridWidth, gridHeight) = (Double(map.columns) * cellWidth, Double(map.rows) * cellHeight)
        let legendLeft = left + gridWidth + 24
        let legendHeight = 40 + Double(map.scale.levels) * 14 + (map.notFiniteCount > 0 ? 18 : 0) + (map.secondaryMarked.isEmpty ? 0 : 18)
        let width = legendLeft + 140
        let height = max(top + gridHeight, 34 + legendHeight) + 12
        let n = SVGText.number, e = SVGText.escaped

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
            <title>\(e(map.title))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="8" y="22" font-size="15" font-weight="bold">\(e(map.title))</text>

            """
        if !map.columnAxisLabel.isEmpty {
            svg += "<text x=\"\(n(left + gridWidth / 2))\" y=\"48\" text-anchor=\"middle\">\(e(map.columnAxisLabel))</text>\n"
        }
        if !map.rowAxisLabel.isEmpty {
            svg += "<text transform=\"translate(20 \(n(top + gridHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(e(map.rowAxisLabel))</text>\n"
        }

        // Labels: columns of one character upright above their cell, longer ones written
        // upwards from just above it; rows right-aligned.
        svg += "<g font-family=\"monospace\" font-size=\"11\">\n"
        for (c, label) in map.columnLabels.enumerated() where !label.isEmpty {
            let x = left + (Double(c) + 0.5) * cellWidth
            if label.count == 1 {
                svg += "<text x=\"\(n(x))\" y=\"\(n(top - 4))\" text-anchor=\"middle\">\(e(label))</text>\n"
            } else {
                svg += "<text transform=\"translate(\(n(x + 4)) \(n(top - 4))) rotate(-90)\">\(e(label))</text>\n"
            }
        }
        for (r, label) in map.rowLabels.enumerated() where !label.isEmpty {
            let y = top + (Double(r) + 0.5) * cellHeight + 4
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y))\" text-anchor=\"end\">\(e(label))</text>\n"
        }
        svg += "</g>\n"

        // Cells: one path per colour level, one rectangle per cell inside it.
        var paths = [String](repeating: "", count: map.scale.levels)
        var notFinite = ""
        for r in 0..<map.rows {
            for c in 0..<map.columns {
                let cell = "M\(n(left + Double(c) * cellWidth)) \(n(top + Double(r) * cellHeight))h\(n(cellWidth))v\(n(cellHeight))h\(n(-cellWidth))z"
                if let level = map.scale.level(of: map[r, c]) { paths[level] += cell } else { notFinite += cell }
            }
        }
        for (level, d) in paths.enumerated() where !d.isEmpty {
            svg += "<path fill=\"\(map.scale.colour(ofLevel: level))\" d=\"\(d)\"/>\n"
        }
        if !notFinite.isEmpty { svg += "<path fill=\"\(SVGHeatmap.notFiniteColour)\" d=\"\(notFinite)\"/>\n" }
        svg += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(gridWidth))\" height=\"\(n(gridHeight))\" fill=\"none\" stroke=\"#999\"/>\n"

        if let texts = map.cellText {
            // As large as fits: the longest text within the cell's width (a digit is about 0.6 em).
            let longest = Double(texts.map(\.count).max() ?? 1)
            let size = min(cellHeight * 0.7, 11, (cellWidth - 2) / (0.6 * max(longest, 1)))
            svg += "<g text-anchor=\"middle\" font-size=\"\(n(size))\">\n"
            for (k, text) in texts.enumerated() where !text.isEmpty {
                let (r, c) = (k / map.columns, k % map.columns)
                let dark = map.scale.level(of: map.values[k]).map(map.scale.isDark(level:)) ?? false
                let x = left + (Double(c) + 0.5) * cellWidth, y = top + (Double(r) + 0.5) * cellHeight + size * 0.35
                svg += "<text x=\"\(n(x))\" y=\"\(n(y))\"\(dark ? " fill=\"white\"" : "")>\(e(text))</text>\n"
            }
            svg += "</g>\n"
        }
        // Outlines: the marked cells solid orange, the secondary ones dashed green.
        for (cells, style) in [(map.marked, "stroke=\"#e6550d\" stroke-width=\"2\""),
                               (map.secondaryMarked, "stroke=\"\(SVGHeatmap.secondaryColour)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"")] where !cells.isEmpty {
            svg += "<g fill=\"none\" \(style)>\n"
            for cell in cells {
                svg += "<rect x=\"\(n(left + Double(cell.column) * cellWidth + 1))\" y=\"\(n(top + Double(cell.row) * cellHeight + 1))\" "
                svg += "width=\"\(n(max(cellWidth - 2, 1)))\" height=\"\(n(max(cellHeight - 2, 1)))\"/>\n"
            }
            svg += "</g>\n"
        }
        if let titles = map.cellTitles {
            svg += "<g fill=\"white\" fill-opacity=\"0\">\n"
            for (k, title) in titles.enumerated() where !title.isEmpty {
                let (r, c) = (k / map.columns, k % map.columns)
                svg += "<rect x=\"\(n(left + Double(c) * cellWidth))\" y=\"\(n(top + Double(r) * cellHeight))\" "
                svg += "width=\"\(n(cellWidth))\" height=\"\(n(cellHeight))\"><title>\(e(title))</title></rect>\n"
            }
            svg += "</g>\n"
        }
        return svg + legend(map, left: legendLeft, top: 34) + "</svg>\n"
    }

    /// One swatch per level, highest at the top, each with the range it stands for.
    private func legend(_ map: Heatmap, left: Double, top: Double) -> String {
        let n = SVGText.number, scale = map.scale
        let (first, last) = (scale.range(ofLevel: 0), scale.range(ofLevel: scale.levels - 1))
        let span = max(abs(first.from), abs(last.to))
        let decimals = span >= 100 ? 0 : span >= 10 ? 1 : 2
        let label = { (x: Double) in PlotAxis.fixed(x, decimals: decimals) }
        var svg = "<g font-size=\"11\">\n<text x=\"\(n(left))\" y=\"\(n(top + 12))\" font-weight=\"bold\">colour = value</text>\n"
        for k in 0..<scale.levels {
            let level = scale.levels - 1 - k, y = top + 22 + Double(k) * 14
            let range = scale.range(ofLevel: level)
            let text = scale == .binary ? String(level) : "\(label(range.from)) to \(label(range.to))"
            svg += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"18\" height=\"14\" fill=\"\(scale.colour(ofLevel: level))\" stroke=\"#999\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(n(left + 24))\" y=\"\(n(y + 11))\">\(text)</text>\n"
        }
        var y = top + 22 + Double(scale.levels) * 14 + 4
        if map.notFiniteCount > 0 {
            svg += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"18\" height=\"14\" fill=\"\(SVGHeatmap.notFiniteColour)\"/>"
            svg += "<text x=\"\(n(left + 24))\" y=\"\(n(y + 11))\">not finite (\(map.notFiniteCount))</text>\n"
            y += 18
        }
        if !map.secondaryMarked.isEmpty {
            svg += "<rect x=\"\(n(left + 1))\" y=\"\(n(y + 1))\" width=\"16\" height=\"12\" fill=\"none\" stroke=\"\(SVGHeatmap.secondaryColour)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
            svg += "<text x=\"\(n(left + 24))\" y=\"\(n(y + 11))\">\(SVGText.escaped(map.secondaryMeaning))</text>\n"
        }
        return svg + "</g>\n"
    }
}
