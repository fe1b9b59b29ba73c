import Testing

@testable import CaesarPlot

@Suite struct PlotAxisTests {
    @Test func linearAxisRoundsOutToNiceSteps() {
        let axis = PlotAxis.linear(from: 0.13, to: 0.91, targetTicks: 5)
        #expect(axis.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(axis.low == 0 && axis.high == 1)
        #expect(axis.ticks.map(axis.label(for:)) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func linearTicksAreMultiplesNotRunningSums() {
        let axis = PlotAxis.linear(from: 0, to: 0.3, targetTicks: 4)
        #expect(axis.ticks == [0, 0.1, 0.2, 0.3])  // not 0.1 + 0.1 + 0.1 = 0.30000000000000004
        #expect(axis.label(for: axis.ticks[3]) == "0.3")
    }

    @Test func aSingleValueGetsRoomOnBothSides() {
        let axis = PlotAxis.linear(from: 4, to: 4, targetTicks: 5)
        #expect(axis.low <= 2 && axis.high >= 6)
        let zero = PlotAxis.linear(from: 0, to: 0, targetTicks: 3)
        #expect(zero.low == -1 && zero.high == 1)
    }

    @Test func logAxisSpansWholeDecades() {
        let axis = PlotAxis.logarithmic(from: 0.003, to: 40, maximumTicks: 8)
        #expect(axis.ticks == [0.001, 0.01, 0.1, 1, 10, 100])
        #expect(axis.ticks.map(axis.label(for:)) == ["0.001", "0.01", "0.1", "1", "10", "100"])
        #expect(axis.fraction(of: 1) == 0.6)
    }

    @Test func manyDecadesTickEveryFewDecadesWithExponentLabels() {
        let axis = PlotAxis.logarithmic(from: 1e-30, to: 1e10, maximumTicks: 6)
        #expect(axis.ticks.count <= 6)
        #expect(axis.ticks.first! <= 1e-30 && axis.ticks.last! >= 1e10)
        #expect(axis.label(for: 1e-24) == "1e-24")
        #expect(axis.label(for: 1e8) == "1e8")
    }

    @Test func narrowLogRangesTickOnOneTwoFive() {
        let axis = PlotAxis.logarithmic(from: 0.8, to: 1, maximumTicks: 5)
        #expect(axis.ticks == [0.5, 1])
        let wider = PlotAxis.logarithmic(from: 0.03, to: 1.7, maximumTicks: 5)
        #expect(wider.ticks == [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
        #expect(wider.ticks.map(wider.label(for:)) == ["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"])
        #expect(PlotAxis.logarithmic(from: 2e-7, to: 3e-6, maximumTicks: 5).label(for: 5e-7) == "5e-7")
        #expect(PlotAxis.logarithmic(from: 1, to: 1, maximumTicks: 5).ticks == [0.5, 1, 2])
    }

    @Test func niceNumbers() {
        #expect(PlotAxis.niceNumber(0.13, round: true) == 0.1)
        #expect(PlotAxis.niceNumber(0.26, round: true) == 0.2)
        #expect(PlotAxis.niceNumber(37, round: true) == 50)
        #expect(PlotAxis.niceNumber(8, round: true) == 10)
    }
}
