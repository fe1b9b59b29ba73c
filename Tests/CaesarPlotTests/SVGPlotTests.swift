import Foundation
import Testing

@testable import CaesarPlot

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct SVGPlotTests {
    let plot = Plot(
        title: "Gradient <flow> & \"friends\"", xLabel: "distance", yLabel: "|∂h_t/∂h_k|", yScale: .log,
        series: [
            PlotSeries(name: "w = 5", x: [1, 2, 3], y: [1.25, 1.5625, 1.953125]),
            PlotSeries(name: "w = 3", x: [1, 2, 3, 4], y: [0.75, 0, 0.421875, 0.31640625]),
        ])

    @Test func isWellFormedXMLWithEveryPart() throws {
        let svg = SVGPlot().render(plot)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let names = try elements(of: svg)
        #expect(names.first == "svg")
        #expect(names.contains("title") && names.contains("polyline") && names.contains("circle"))
        #expect(svg.contains("Gradient &lt;flow&gt; &amp; &quot;friends&quot;"))
        #expect(!svg.contains("href") && !svg.contains("<script"))  // self-contained
    }

    @Test func aSkippedPointBreaksTheLineAndTheLegendSaysSo() throws {
        let svg = SVGPlot().render(plot)
        // Series 2: (1, 0.75) alone, then (3, …), (4, …): one polyline for the two-point run.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("w = 3 (1 not shown)"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3 + 3 + 2)  // points + legend markers
    }

    @Test func logTicksBeyondAThousandAreSuperscripts() throws {
        let wide = Plot(title: "", xLabel: "", yLabel: "", yScale: .log, series: [PlotSeries(name: "s", x: [0, 1], y: [1e-8, 1])])
        let svg = SVGPlot().render(wide)
        #expect(svg.contains("10<tspan dy=\"-6\" font-size=\"9\">-8</tspan>"))
        _ = try elements(of: svg)
    }

    @Test func controlCharactersCannotBreakTheXML() throws {
        let odd = Plot(title: "a\u{1}b", xLabel: "", yLabel: "", series: [PlotSeries(name: "\u{7}", x: [0], y: [0])])
        _ = try elements(of: SVGPlot().render(odd))
    }

    @Test func emptyPlotIsStillAPicture() throws {
        let svg = SVGPlot().render(Plot(title: "none", xLabel: "x", yLabel: "y", series: []))
        #expect(svg.contains("no data to plot"))
        _ = try elements(of: svg)
    }
}

@Suite struct SVGStackTests {
    @Test func stackedPlotsAreNestedOneBelowTheOther() {
        let a = Plot(title: "A", xLabel: "x", yLabel: "y", series: [PlotSeries(name: "a", x: [0, 1], y: [0, 1])])
        let b = Plot(title: "B", xLabel: "x", yLabel: "y", series: [PlotSeries(name: "b", x: [0, 1], y: [1, 0])])
        let svg = SVGPlot(width: 400, height: 300).renderStacked([a, b])
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"600\""))
        #expect(svg.components(separatedBy: "<?xml").count == 2)  // one declaration
        #expect(svg.contains("<svg y=\"0\" xmlns=") && svg.contains("<svg y=\"300\" xmlns="))
        #expect(svg.hasSuffix("</svg>\n</svg>\n"))
    }
}
