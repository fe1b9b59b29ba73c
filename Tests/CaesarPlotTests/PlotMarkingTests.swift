import Foundation
import Testing

@testable import CaesarPlot

/// What a report needs to say honestly with a picture: a share on a fixed 0–100% axis, the
/// step it points out, zeros and ones told apart as such, and where the right answer was.
@Suite struct PlotMarkingTests {
    let accuracy = Plot(
        title: "Validation accuracy", xLabel: "step", yLabel: "character accuracy",
        series: [PlotSeries(name: "validation", x: [100, 200, 300], y: [0.29, 0.31, 0.30])],
        yRange: 0...1, markers: [PlotMarker(x: 200, label: "best: step 200, 31%")], yFormat: .percent)

    /// Values between 0.29 and 0.31 do not stretch the axis: it runs from 0% to 100%.
    @Test func aFixedRangeHoldsTheAxis() throws {
        let (_, y) = try #require(accuracy.axes(xTicks: 8, yTicks: 7))
        #expect(y.low == 0 && y.high == 1)
        var free = accuracy
        free.yRange = nil
        let (_, tight) = try #require(free.axes(xTicks: 8, yTicks: 7))
        #expect(tight.low > 0.2 && tight.high < 0.4)
    }

    @Test func percentTicksAndTheMarkerAreDrawn() throws {
        let svg = SVGPlot().render(accuracy)
        #expect(svg.contains(">0%</text>") && svg.contains(">100%</text>") && svg.contains(">40%</text>"))
        #expect(svg.contains("stroke-dasharray=\"4 3\"") && svg.contains(">best: step 200, 31%</text>"))
        #expect(try elements(of: svg).first == "svg")
    }

    @Test func percentLabelsUseTheDigitsTheyNeed() {
        #expect(PlotAxis.percentLabel(0.25) == "25%")
        #expect(PlotAxis.percentLabel(0.125) == "12.5%")
        #expect(PlotAxis.percentLabel(1) == "100%")
        #expect(PlotAxis.percentLabel(0) == "0%")
    }

    /// A one-hot matrix: two colours, and a legend that says 0 and 1.
    @Test func aBinaryScaleHasTwoLevelsNamedZeroAndOne() {
        #expect(HeatmapScale.binary.levels == 2)
        #expect(HeatmapScale.binary.level(of: 0) == 0 && HeatmapScale.binary.level(of: 1) == 1)
        #expect(HeatmapScale.binary.colour(ofLevel: 0) == "#ffffff")
        let map = Heatmap(title: "one-hot", rowLabels: ["t0", "t1"], columnLabels: ["a", "b"], values: [1, 0, 0, 1], scale: .binary)
        let svg = SVGHeatmap(cellWidth: 12, cellHeight: 12).render(map)
        #expect(svg.contains(">1</text>") && svg.contains(">0</text>") && !svg.contains(" to "))
    }

    /// The right answer beside a wrong argmax: a dashed green outline, named in the legend.
    @Test func secondaryMarksAreDashedAndExplained() throws {
        let map = Heatmap(
            title: "p", rowLabels: ["t0"], columnLabels: ["a", "b"], values: [0.7, 0.3], scale: .sequential(maximum: 1),
            marked: [HeatmapCell(row: 0, column: 0)], secondaryMarked: [HeatmapCell(row: 0, column: 1)], secondaryMeaning: "the plaintext's token")
        let svg = SVGHeatmap(cellWidth: 12, cellHeight: 12).render(map)
        #expect(svg.contains("stroke=\"#2ca02c\" stroke-width=\"2\" stroke-dasharray=\"3 2\""))
        #expect(svg.contains(">the plaintext&apos;s token</text>") || svg.contains(">the plaintext's token</text>"))
        #expect(try elements(of: svg).first == "svg")
    }
}
