#if canImport(Glibc)
import Glibc
#endif

/// One axis: the range it spans and where its labelled tick marks go.
///
/// A linear axis rounds its ends out to "nice" steps of 1, 2 or 5 × 10ᵏ (Heckbert's rule), so
/// ticks read 0, 0.2, 0.4 rather than 0.13, 0.33. A log axis spans whole decades and puts its
/// ticks on powers of ten.
///
///     PlotAxis.linear(from: 0.13, to: 0.91, targetTicks: 5).ticks        // [0, 0.2, 0.4, 0.6, 0.8, 1]
///     PlotAxis.logarithmic(from: 0.003, to: 40, maximumTicks: 8).ticks   // [0.001, 0.01, 0.1, 1, 10, 100]
public struct PlotAxis: Equatable, Sendable {
    public let low: Double
    public let high: Double
    public let scale: PlotScale
    public let ticks: [Double]

    /// A share as a percentage with the digits it needs: 0.25 → "25%", 0.125 → "12.5%".
    public static func percentLabel(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(abs(tenths) % 10)%"
    }

    /// A linear axis from `low` to `high` rounded out to nice steps, aiming at `targetTicks`.
    public static func linear(from low: Double, to high: Double, targetTicks: Int) -> PlotAxis {
        precondition(low.isFinite && high.isFinite && low <= high, "bad axis range \(low)...\(high)")
        precondition(targetTicks >= 2, "an axis needs at least two ticks")
        var (low, high) = (low, high)
        if low == high {  // one value: give it room on both sides
            let pad = low == 0 ? 1 : abs(low) / 2
            (low, high) = (low - pad, high + pad)
        }
        // The step is m·10ᵉ with m ∈ {1, 2, 5}; ticks are k·m/10⁻ᵉ, so 3 · 0.2 prints 0.6.
        let exponent = Int(log10((high - low) / Double(targetTicks - 1)).rounded(.down))
        let step = niceNumber((high - low) / Double(targetTicks - 1), round: true)
        let scaled = Int((step / pow(10, Double(exponent))).rounded())  // 1, 2, 5 or 10
        func tick(_ k: Int) -> Double {
            exponent >= 0 ? Double(k * scaled) * pow(10, Double(exponent)) : Double(k * scaled) / pow(10, Double(-exponent))
        }
        let first = Int((low / step).rounded(.down))
        let last = Int((high / step).rounded(.up))
        return PlotAxis(low: tick(first), high: tick(last), scale: .linear, ticks: (first...last).map(tick))
    }

    /// A log axis over whole decades holding `low...high` (both > 0), with at most
    /// `maximumTicks` ticks on powers of ten (at least three when it spans 1).
    public static func logarithmic(from low: Double, to high: Double, maximumTicks: Int) -> PlotAxis {
        precondition(low > 0 && high.isFinite && low <= high, "bad log axis range \(low)...\(high)")
        precondition(maximumTicks >= 2, "an axis needs at least two ticks")
        if let narrow = narrowLogarithmic(from: low, to: high) { return narrow }
        var first = Int(log10(low).rounded(.down))
        var last = Int(log10(high).rounded(.up))
        if first == last { (first, last) = (first - 1, last + 1) }
        // Ticks every `every` decades, on multiples of it, the fewest decades that fit.
        var every = 1
        func floorMultiple(_ k: Int) -> Int { Int((Double(k) / Double(every)).rounded(.down)) * every }
        func ceilMultiple(_ k: Int) -> Int { Int((Double(k) / Double(every)).rounded(.up)) * every }
        // A range across 10⁰ always keeps three ticks (−k, 0, k), whatever `every` is.
        while (ceilMultiple(last) - floorMultiple(first)) / every + 1 > maximumTicks, every < last - first { every += 1 }
        (first, last) = (floorMultiple(first), ceilMultiple(last))
        let ticks = stride(from: first, through: last, by: every).map { pow(10, Double($0)) }
        return PlotAxis(low: pow(10, Double(first)), high: pow(10, Double(last)), scale: .log, ticks: ticks)
    }

    /// A log axis for data within two decades: ends and ticks on 1, 2 and 5 × 10ᵏ, so the data
    /// fill the chart instead of a corner of one decade. `nil` for wider data.
    static func narrowLogarithmic(from low: Double, to high: Double) -> PlotAxis? {
        let exponent = Int(log10(low).rounded(.down))
        // Candidates 1, 2, 5 × 10ᵏ from below `low` to above `high`, as integers over 10ᵏ.
        var candidates: [Double] = []
        for k in (exponent - 1)...(exponent + 3) {
            for m in [1.0, 2, 5] { candidates.append(k >= 0 ? m * pow(10, Double(k)) : m / pow(10, Double(-k))) }
        }
        guard var lower = candidates.last(where: { $0 <= low }), var upper = candidates.first(where: { $0 >= high }) else { return nil }
        if lower == upper {  // one value on a candidate: a step either side
            lower = candidates.last { $0 < low } ?? lower
            upper = candidates.first { $0 > high } ?? upper
        }
        guard log10(upper) - log10(lower) <= 2 else { return nil }
        return PlotAxis(low: lower, high: upper, scale: .log, ticks: candidates.filter { $0 >= lower && $0 <= upper })
    }

    /// Where `value` sits along the axis: 0 at `low`, 1 at `high`.
    public func fraction(of value: Double) -> Double {
        switch scale {
        case .linear: return (value - low) / (high - low)
        case .log: return (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
    }

    /// The text of a tick mark: as few digits as the step needs; powers of ten beyond
    /// 0.001...1000 as `1e-6`, `1e6`.
    public func label(for value: Double) -> String {
        if scale == .log {
            let exponent = Int(log10(value).rounded(.down))
            let mantissa = Int((value / pow(10, Double(exponent))).rounded())
            if (-3...3).contains(exponent) { return PlotAxis.fixed(value, decimals: max(0, -exponent)) }
            return mantissa == 1 ? "1e\(exponent)" : "\(mantissa)e\(exponent)"
        }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let magnitude = max(abs(low), abs(high))
        if magnitude >= 1e6 || step < 1e-4 { return PlotAxis.scientific(value) }
        return PlotAxis.fixed(value, decimals: max(0, Int(-log10(step).rounded(.down))))
    }

    /// The nice number (1, 2, 5 or 10 × 10ᵏ) nearest to `x` (`round`) or at least `x`.
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = log10(x).rounded(.down)
        let fraction = x / pow(10, exponent)
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * pow(10, exponent)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = cFormat("%.*f", decimals, value)
        return text == "-0" ? "0" : text
    }

    static func scientific(_ value: Double) -> String {
        cFormat("%.3g", value)
    }

    /// C's printf formatting: correctly rounded, with no Foundation needed.
    private static func cFormat(_ format: String, _ arguments: any CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
