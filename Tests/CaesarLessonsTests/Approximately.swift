/// Whether two Doubles agree to `relative` (measured against max(1, |b|), so values near
/// zero compare absolutely).
func close(_ a: Double, _ b: Double, _ relative: Double = 1e-12) -> Bool {
    abs(a - b) <= relative * max(1, abs(b))
}

func close(_ a: [Double], _ b: [Double], _ relative: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, relative) }
}
