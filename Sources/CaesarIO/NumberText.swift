/// Numbers as people read them in the tool's output and pages: one place, so that every
/// command and page writes 0.9512 as "95.12%" the same way.

/// A fraction as a percentage with two decimals: 0.95123 → "95.12%".
public func percent(_ x: Double) -> String { format(x * 100, 2) + "%" }

/// 0.27 → "0.3s", 83 → "1m23s", 7384 → "2h03m".
public func duration(_ seconds: Double) -> String {
    if seconds < 10 { return format(seconds, 1) + "s" }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" + (s % 60 < 10 ? "0" : "") + "\(s % 60)s" }
    return "\(s / 3600)h" + ((s % 3600) / 60 < 10 ? "0" : "") + "\((s % 3600) / 60)m"
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// `x` with exactly `digits` decimals (rounded half away from zero; no locale, no exponent).
public func format(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return String(x) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (abs(x) * scale).rounded()
    let whole = Int(rounded / scale), fraction = Int(rounded) - whole * Int(scale)
    let sign = x < 0 && rounded > 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let fractionText = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}
