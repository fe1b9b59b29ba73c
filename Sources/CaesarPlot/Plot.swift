/// A place on the horizontal axis to point out, with what to say about it.
public struct PlotMarker: Equatable, Sendable, Codable {
    public var x: Double
    public var label: String
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// How tick values are written: as numbers (0.25), or as percentages of 1 (25%).
public enum PlotTickFormat: String, Equatable, Sendable, Codable {
    case number
    case percent
}

/// One point of a series: `x` along the horizontal axis, `y` up.
public struct PlotPoint: Equatable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named line of points, drawn in the order given.
public struct PlotSeries: Equatable, Sendable, Codable {
    public var name: String
    public var points: [PlotPoint]

    public init(name: String, points: [PlotPoint]) {
        self.name = name
        self.points = points
    }

    /// A series from parallel arrays of coordinates.
    public init(name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "series '\(name)': \(x.count) x values but \(y.count) y values")
        self.init(name: name, points: zip(x, y).map { PlotPoint(x: $0, y: $1) })
    }
}

/// How values map onto the vertical axis.
public enum PlotScale: String, Sendable, Codable, CaseIterable {
    /// Equal steps for equal differences.
    case linear
    /// Equal steps for equal ratios (decades): for quantities that vanish or explode.
    case log
}

/// What to draw: several series under one title, with axis labels.
///
/// Points that cannot be drawn are skipped, never guessed at: NaN and infinities always, and on
/// a log scale every `y ≤ 0`. Renderers say how many they skipped in the legend.
///
///     let plot = Plot(title: "Loss", xLabel: "epoch", yLabel: "loss", yScale: .log,
///                     series: [PlotSeries(name: "train", x: [1, 2, 3], y: [2.0, 0.5, 0.1])])
///     print(TextChart().render(plot))
///     try AtomicFile.write(Array(SVGPlot().render(plot).utf8), to: "loss.svg")
public struct Plot: Equatable, Sendable, Codable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var yScale: PlotScale
    public var series: [PlotSeries]
    /// On a linear scale, values the vertical axis covers whatever the data (0…1 for a share,
    /// so that a curve moving by 1% does not fill the plot); nil: the data's own range.
    public var yRange: ClosedRange<Double>?
    /// Steps to point out (the best one, say): a dashed vertical line, labelled, in SVG.
    public var markers: [PlotMarker]
    /// How tick labels on the vertical axis are written.
    public var yFormat: PlotTickFormat

    public init(
        title: String, xLabel: String, yLabel: String, yScale: PlotScale = .linear, series: [PlotSeries],
        yRange: ClosedRange<Double>? = nil, markers: [PlotMarker] = [], yFormat: PlotTickFormat = .number
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.series = series
        self.yRange = yRange
        self.markers = markers
        self.yFormat = yFormat
    }

    /// Whether a point can be placed on this plot's axes.
    public func isDrawable(_ point: PlotPoint) -> Bool {
        point.x.isFinite && point.y.isFinite && (yScale == .linear || point.y > 0)
    }

    /// How many of a series' points are skipped (not finite, or not positive on a log scale).
    public func skippedCount(of series: PlotSeries) -> Int {
        series.points.count { !isDrawable($0) }
    }

    /// The axes that hold every drawable point, with tick marks at round values; `nil` when
    /// there is nothing to draw.
    func axes(xTicks: Int, yTicks: Int) -> (x: PlotAxis, y: PlotAxis)? {
        let points = series.flatMap { $0.points.filter(isDrawable) }
        guard let first = points.first else { return nil }
        var (xLow, xHigh, yLow, yHigh) = (first.x, first.x, first.y, first.y)
        for p in points {
            xLow = min(xLow, p.x)
            xHigh = max(xHigh, p.x)
            yLow = min(yLow, p.y)
            yHigh = max(yHigh, p.y)
        }
        if let yRange, yScale == .linear {
            yLow = min(yLow, yRange.lowerBound)
            yHigh = max(yHigh, yRange.upperBound)
        }
        let y = yScale == .log
            ? PlotAxis.logarithmic(from: yLow, to: yHigh, maximumTicks: yTicks)
            : PlotAxis.linear(from: yLow, to: yHigh, targetTicks: yTicks)
        return (PlotAxis.linear(from: xLow, to: xHigh, targetTicks: xTicks), y)
    }
}
