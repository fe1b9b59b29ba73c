import Testing

@testable import CaesarPlot

@Suite struct TextChartTests {
    let plot = Plot(
        title: "Growth", xLabel: "step", yLabel: "value", yScale: .log,
        series: [PlotSeries(name: "up", x: [0, 1, 2], y: [1, 10, 100]), PlotSeries(name: "down", x: [0, 1, 2], y: [1, 0.1, 0])])

    @Test func rendersTheWholeChartExactly() {
        let chart = TextChart(width: 21, height: 7).render(plot)
        #expect(chart == """
            Growth
            value
              100┤                 ···●
                 │           ······
                 │    ······●
                1┤○···
                 │    ······
                 │          ○
             0.01┤
                 └┬─────────┬─────────┬
                  0         1         2
                          step
                  ● up   ○ down (1 not shown)

            """)  // "up" and "down" share (0, 1): the later series is drawn on top
    }

    @Test func asciiStyleUsesOnlyASCII() {
        let chart = TextChart(width: 20, height: 6, style: .ascii).render(plot)
        #expect(chart.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(chart.contains("* up   o down"))
    }

    @Test func consecutivePointsAreJoinedByDots() {
        let line = Plot(title: "", xLabel: "", yLabel: "", series: [PlotSeries(name: "l", x: [0, 10], y: [0, 0])])
        let chart = TextChart(width: 11, height: 4).render(line)
        #expect(chart.contains("●·········●"))
    }

    @Test func emptyPlotSaysSo() {
        let empty = Plot(title: "T", xLabel: "", yLabel: "", series: [])
        #expect(TextChart().render(empty) == "T\n(no data to plot)\n")
    }
}
