/// A plot as a self-contained SVG document: axes, grid, ticks, labels, a legend and one
/// coloured line per series. No scripts, fonts or other files are referenced, so it opens in
/// any browser and can be inlined into HTML.
///
///     let svg = SVGPlot().render(plot)        // "<?xml version=\"1.0\" …</svg>\n"
///     try AtomicFile.write(Array(svg.utf8), to: "plot.svg")
public struct SVGPlot: Sendable {
    /// Size of the whole picture in pixels (the legend takes a column on the right).
    public var width: Double
    public var height: Double

    public init(width: Double = 720, height: Double = 440) {
        precondition(width >= 320 && height >= 200, "an SVG plot needs at least 320×200 pixels")
        self.width = width
        self.height = height
    }

    /// Line colours, one per series in order (matplotlib's "tab10", readable on white).
    public static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The complete SVG document, ending in a newline.
    public func render(_ plot: Plot) -> String {
        let (left, right, top, bottom) = (72.0, width - 190, 48.0, height - 56)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
            <title>\(escaped(plot.title))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(n((left + right) / 2))" y="28" text-anchor="middle" font-size="16" font-weight="bold">\(escaped(plot.title))</text>

            """
        // Axis labels: x centred below, y rotated along the left edge.
        svg += "<text x=\"\(n((left + right) / 2))\" y=\"\(n(height - 14))\" text-anchor=\"middle\">\(escaped(plot.xLabel))</text>\n"
        svg += "<text transform=\"translate(18 \(n((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escaped(plot.yLabel))</text>\n"

        guard let (xAxis, yAxis) = plot.axes(xTicks: 8, yTicks: 7) else {
            svg += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(right - left))\" height=\"\(n(bottom - top))\" fill=\"none\" stroke=\"black\"/>\n"
            svg += "<text x=\"\(n((left + right) / 2))\" y=\"\(n((top + bottom) / 2))\" text-anchor=\"middle\">no data to plot</text>\n"
            return svg + "</svg>\n"
        }
        func px(_ x: Double) -> Double { left + xAxis.fraction(of: x) * (right - left) }
        func py(_ y: Double) -> Double { bottom - yAxis.fraction(of: y) * (bottom - top) }

        // Grid and ticks.
        svg += "<g stroke=\"#e6e6e6\" stroke-width=\"1\">\n"
        for tick in xAxis.ticks { svg += "<line x1=\"\(n(px(tick)))\" y1=\"\(n(top))\" x2=\"\(n(px(tick)))\" y2=\"\(n(bottom))\"/>\n" }
        for tick in yAxis.ticks { svg += "<line x1=\"\(n(left))\" y1=\"\(n(py(tick)))\" x2=\"\(n(right))\" y2=\"\(n(py(tick)))\"/>\n" }
        svg += "</g>\n<g text-anchor=\"middle\">\n"
        for tick in xAxis.ticks {
            svg += "<text x=\"\(n(px(tick)))\" y=\"\(n(bottom + 18))\">\(escaped(xAxis.label(for: tick)))</text>\n"
        }
        svg += "</g>\n<g text-anchor=\"end\">\n"
        for tick in yAxis.ticks {
            let label = plot.yFormat == .percent ? escaped(PlotAxis.percentLabel(tick)) : tickText(yAxis.label(for: tick))
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(py(tick) + 4))\">\(label)</text>\n"
        }
        svg += "</g>\n"
        svg += "<path d=\"M\(n(left)) \(n(top)) V\(n(bottom)) H\(n(right))\" fill=\"none\" stroke=\"black\"/>\n"

        // Series: a polyline per run of drawable points (a skipped point breaks the line).
        for (index, series) in plot.series.enumerated() {
            let colour = SVGPlot.palette[index % SVGPlot.palette.count]
            svg += "<g stroke=\"\(colour)\" fill=\"\(colour)\">\n"
            var runs: [[PlotPoint]] = [[]]
            for p in series.points {
                if plot.isDrawable(p) { runs[runs.count - 1].append(p) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            for run in runs where run.count > 1 {
                let coordinates = run.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke-width=\"2\"/>\n"
            }
            for p in runs.joined() { svg += "<circle cx=\"\(n(px(p.x)))\" cy=\"\(n(py(p.y)))\" r=\"3\"/>\n" }
            svg += "</g>\n"
        }

        // Markers: a dashed line across the plot at each x, its label above the plot's top.
        for marker in plot.markers where marker.x.isFinite && marker.x >= xAxis.low && marker.x <= xAxis.high {
            let x = px(marker.x)
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(n(x))\" y=\"\(n(top - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">\(escaped(marker.label))</text>\n"
        }

        // Legend in the right-hand column.
        for (index, series) in plot.series.enumerated() {
            let colour = SVGPlot.palette[index % SVGPlot.palette.count]
            let y = top + 8 + Double(index) * 20
            let skipped = plot.skippedCount(of: series)
            let name = series.name + (skipped > 0 ? " (\(skipped) not shown)" : "")
            svg += "<line x1=\"\(n(right + 16))\" y1=\"\(n(y))\" x2=\"\(n(right + 40))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg += "<circle cx=\"\(n(right + 28))\" cy=\"\(n(y))\" r=\"3\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(n(right + 48))\" y=\"\(n(y + 4))\">\(escaped(name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A tick label; `1e-6` becomes 10⁻⁶ and `2e-6` 2·10⁻⁶, the exponent set as a superscript.
    private func tickText(_ label: String) -> String {
        guard let e = label.firstIndex(of: "e"), label.first?.isNumber == true else { return escaped(label) }
        let mantissa = label[..<e] == "1" ? "" : "\(label[..<e])·"
        return "\(mantissa)10<tspan dy=\"-6\" font-size=\"9\">\(escaped(String(label[label.index(after: e)...])))</tspan>"
    }

    private func n(_ value: Double) -> String { SVGText.number(value) }
    private func escaped(_ text: String) -> String { SVGText.escaped(text) }
}

extension SVGPlot {
    /// Several plots one above the other in one SVG document (each `width` × `height`),
    /// for curves that need axes of their own, such as a loss and an accuracy.
    public func renderStacked(_ plots: [Plot]) -> String {
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height * Double(plots.count)))" \
            viewBox="0 0 \(n(width)) \(n(height * Double(plots.count)))">

            """
        for (k, plot) in plots.enumerated() {
            // Each plot's own document, minus its XML declaration, nested at its offset.
            var lines = render(plot).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            if let opening = lines.first {
                lines[lines.startIndex] = opening.replacingFirst("<svg ", with: "<svg y=\"\(n(height * Double(k)))\" ")
            }
            svg += lines.joined(separator: "\n")
        }
        return svg + "</svg>\n"
    }
}

extension Substring {
    /// This text with the first occurrence of `target` replaced (no Foundation here).
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> Substring {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) {
                return self[..<start] + replacement + self[index(start, offsetBy: target.count)...]
            }
            start = index(after: start)
        }
        return self
    }
}
