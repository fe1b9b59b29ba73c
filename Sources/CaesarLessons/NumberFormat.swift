import Foundation

/// Numbers as the lessons print them: rounded to a number of significant digits, trailing
/// zeros dropped, an ASCII minus so that values can be pasted back into `--check`.
///
///     NumberFormat.significant(0.6043677771171636, digits: 4)   // "0.6044"
///     NumberFormat.significant(-0.07697096081014959, digits: 4) // "-0.07697"
///     NumberFormat.significant(4.000000000000001, digits: 4)    // "4"
///     NumberFormat.significant(1.5e-7, digits: 4)               // "1.5e-07"
public enum NumberFormat {
    public static func significant(_ value: Double, digits: Int) -> String {
        precondition((1...17).contains(digits), "significant digits must be 1...17, got \(digits)")
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = String(format: "%.*g", digits, value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A vector as `(0.1, -0.2)`; a single number without parentheses.
    public static func significant(_ values: [Double], digits: Int) -> String {
        let parts = values.map { significant($0, digits: digits) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: ", ") + ")"
    }

    /// A difference that should be tiny, rounded up to one digit: `3e-11`.
    public static func bound(_ value: Double) -> String {
        guard value > 0 else { return "0" }
        let exponent = log10(value).rounded(.down)
        let leading = (value / pow(10, exponent) - 1e-9).rounded(.up)  // round *up*: a bound
        return leading >= 10 ? "1e\(Int(exponent) + 1)" : "\(Int(leading))e\(Int(exponent))"
    }
}
