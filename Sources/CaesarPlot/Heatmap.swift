/// A matrix of numbers to draw as coloured cells: rows down, columns across.
///
///     let map = Heatmap(
///         title: "p(token) at each step", rowLabels: ["h", "i"], columnLabels: ["a", "b", "c"],
///         values: [0.1, 0.8, 0.1,
///                  0.0, 0.3, 0.7], scale: .sequential(maximum: 1))
///     let svg = SVGHeatmap().render(map)
///
/// Values are sorted into the scale's few colour levels, so every colour in the picture is
/// one the legend names with its range. Cells that are not finite are grey and counted in
/// the legend, never given a colour.
public struct Heatmap: Equatable, Sendable {
    public var title: String
    /// One per row, top to bottom; "" leaves a row unlabelled (for tall maps).
    public var rowLabels: [String]
    /// One per column, left to right; "" leaves a column unlabelled.
    public var columnLabels: [String]
    /// What the rows and the columns are ("step", "hidden unit").
    public var rowAxisLabel: String
    public var columnAxisLabel: String
    /// rows × columns values, row-major.
    public var values: [Double]
    public var scale: HeatmapScale
    /// Cells drawn with a dark outline, such as each row's largest value.
    public var marked: [HeatmapCell]
    /// Cells drawn with a dashed outline of another colour, such as the right answer where the
    /// marked one is wrong; `secondaryMeaning` says what they are in the legend.
    public var secondaryMarked: [HeatmapCell]
    public var secondaryMeaning: String
    /// Text written inside cells (row-major, "" for none), such as counts.
    public var cellText: [String]?
    /// Text shown when the pointer rests on a cell (row-major), for small maps.
    public var cellTitles: [String]?

    public init(
        title: String, rowLabels: [String], columnLabels: [String], rowAxisLabel: String = "", columnAxisLabel: String = "",
        values: [Double], scale: HeatmapScale, marked: [HeatmapCell] = [], cellText: [String]? = nil, cellTitles: [String]? = nil,
        secondaryMarked: [HeatmapCell] = [], secondaryMeaning: String = ""
    ) {
        let count = rowLabels.count * columnLabels.count
        precondition(!rowLabels.isEmpty && !columnLabels.isEmpty, "a heatmap needs at least one row and one column")
        precondition(values.count == count, "\(values.count) values for \(rowLabels.count) × \(columnLabels.count) cells")
        precondition(cellText.map { $0.count == count } ?? true, "one cell text per cell")
        precondition(cellTitles.map { $0.count == count } ?? true, "one cell title per cell")
        precondition((marked + secondaryMarked).allSatisfy { (0..<rowLabels.count).contains($0.row) && (0..<columnLabels.count).contains($0.column) },
                     "marked cells must lie inside the map")
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.rowAxisLabel = rowAxisLabel
        self.columnAxisLabel = columnAxisLabel
        self.values = values
        self.scale = scale
        self.marked = marked
        self.secondaryMarked = secondaryMarked
        self.secondaryMeaning = secondaryMeaning
        self.cellText = cellText
        self.cellTitles = cellTitles
    }

    public var rows: Int { rowLabels.count }
    public var columns: Int { columnLabels.count }

    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// How many cells are NaN or infinite (drawn grey).
    public var notFiniteCount: Int { values.count { !$0.isFinite } }
}

/// One cell of a heatmap.
public struct HeatmapCell: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// How values become colours: a range cut into equal levels, one colour each. Values
/// beyond the range take the colour of the level at its end.
public enum HeatmapScale: Equatable, Sendable {
    /// 0 … maximum in 10 levels, white to dark blue: probabilities, fractions.
    case sequential(maximum: Double)
    /// −limit … limit in 11 levels, dark blue through white (around 0) to dark red:
    /// activations, which have a sign.
    case diverging(limit: Double)
    /// Two levels, below ½ white and from ½ dark blue: a matrix of zeros and ones (one-hot),
    /// whose legend then reads 0 and 1 rather than ranges.
    case binary

    public var levels: Int {
        switch self {
        case .sequential: return 10
        case .diverging: return 11
        case .binary: return 2
        }
    }

    private var bounds: (low: Double, high: Double) {
        switch self {
        case .sequential(let maximum):
            precondition(maximum > 0 && maximum.isFinite, "a sequential scale needs a positive maximum")
            return (0, maximum)
        case .diverging(let limit):
            precondition(limit > 0 && limit.isFinite, "a diverging scale needs a positive limit")
            return (-limit, limit)
        case .binary:
            return (0, 1)
        }
    }

    /// The level of a finite value, 0 ..< levels (the range's top belongs to the last level);
    /// nil for NaN and infinities.
    ///
    ///     HeatmapScale.sequential(maximum: 1).level(of: 0.25)   // 2: [0.2, 0.3)
    ///     HeatmapScale.diverging(limit: 1).level(of: 0)         // 5: the white middle
    public func level(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let (low, high) = bounds
        var k = min(max(Int(((value - low) / (high - low) * Double(levels)).rounded(.down)), 0), levels - 1)
        // Division rounds (0.3 · 10 is 2.999…): settle edge values by the edges themselves.
        if k + 1 < levels, value >= range(ofLevel: k + 1).from { k += 1 }
        if k > 0, value < range(ofLevel: k).from { k -= 1 }
        return k
    }

    /// The values of level `k`: from its lower edge up to (not including) its upper edge.
    public func range(ofLevel k: Int) -> (from: Double, to: Double) {
        precondition((0..<levels).contains(k), "level \(k) of \(levels)")
        let (low, high) = bounds
        // (high − low)·k / levels, not k·step: 3/10 is the double 0.3, 3·0.1 is not.
        func edge(_ k: Int) -> Double { low + (high - low) * Double(k) / Double(levels) }
        return (edge(k), edge(k + 1))
    }

    /// The colour of level `k` as `#rrggbb`.
    public func colour(ofLevel k: Int) -> String {
        precondition((0..<levels).contains(k), "level \(k) of \(levels)")
        let (r, g, b) = rgb(ofLevel: k)
        return "#" + [r, g, b].map { component in
            let hex = String(component, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Whether text on level `k` reads better in white than in black.
    public func isDark(level k: Int) -> Bool {
        let (r, g, b) = rgb(ofLevel: k)
        return 0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b) < 140
    }

    private static let white = (255.0, 255.0, 255.0)
    private static let blue = (8.0, 48.0, 107.0)
    private static let red = (103.0, 0.0, 13.0)

    /// White blended towards the end colour by how far the level is from white.
    private func rgb(ofLevel k: Int) -> (Int, Int, Int) {
        let (t, end): (Double, (Double, Double, Double))
        switch self {
        case .sequential, .binary:
            (t, end) = (Double(k) / Double(levels - 1), Self.blue)
        case .diverging:
            let middle = levels / 2
            (t, end) = (Double(abs(k - middle)) / Double(middle), k < middle ? Self.blue : Self.red)
        }
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return (mix(Self.white.0, end.0), mix(Self.white.1, end.1), mix(Self.white.2, end.2))
    }
}
