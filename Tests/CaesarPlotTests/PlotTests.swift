import Testing

@testable import CaesarPlot

@Suite struct PlotTests {
    @Test func logScaleSkipsWhatItCannotPlace() {
        let plot = Plot(title: "", xLabel: "", yLabel: "", yScale: .log,
                        series: [PlotSeries(name: "s", x: [0, 1, 2, 3, 4], y: [1, 0, -1, .nan, .infinity])])
        #expect(plot.skippedCount(of: plot.series[0]) == 4)
        var linear = plot
        linear.yScale = .linear
        #expect(linear.skippedCount(of: linear.series[0]) == 2)
    }

    @Test func axesHoldEveryDrawablePoint() throws {
        let plot = Plot(title: "", xLabel: "", yLabel: "", yScale: .log,
                        series: [PlotSeries(name: "a", x: [1, 2], y: [0.02, 3]), PlotSeries(name: "b", x: [5], y: [500])])
        let (x, y) = try #require(plot.axes(xTicks: 5, yTicks: 5))
        #expect(x.low <= 1 && x.high >= 5)
        #expect(y.low <= 0.02 && y.high >= 500)
    }

    @Test func nothingDrawableMeansNoAxes() {
        let plot = Plot(title: "", xLabel: "", yLabel: "", yScale: .log, series: [PlotSeries(name: "z", x: [1], y: [0])])
        #expect(plot.axes(xTicks: 5, yTicks: 5) == nil)
    }
}
