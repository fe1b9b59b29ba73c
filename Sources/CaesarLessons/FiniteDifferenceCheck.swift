/// The second proof of a gradient: central finite differences of the loss, compared with the
/// gradient computed by backpropagation.
///
/// For each parameter θ_k, (L(θ + εe_k) − L(θ − εe_k)) / 2ε differs from ∂L/∂θ_k by O(ε²)
/// from truncation and O(10⁻¹⁶·|L|/ε) from rounding; ε = 10⁻⁵ balances the two, so in
/// `Double` a correct gradient agrees to about 10⁻¹⁰. A wrong one (a forgotten carry, a
/// missing φ′) is off in the first or second digit.
public struct FiniteDifferenceCheck: Equatable, Sendable, Codable {
    /// ε, the half-width of each central difference.
    public let step: Double
    /// The largest |numerical − analytic| / max(1, |analytic|) over all parameters.
    public let largestDifference: Double
    /// The parameter where that difference occurs.
    public let worst: String
    /// Differences up to this count as agreement.
    public let tolerance: Double
    /// Whether ``largestDifference`` is within ``tolerance``.
    public let agrees: Bool

    /// Compares `analytic[k]` with the central difference of `loss` in parameter `k`.
    public init(
        names: [String], values: [Double], analytic: [Double],
        step: Double = 1e-5, tolerance: Double = 1e-8, loss: ([Double]) -> Double
    ) {
        precondition(names.count == values.count && values.count == analytic.count, "one name and one gradient per parameter")
        self.step = step
        self.tolerance = tolerance
        var largest = 0.0
        var worst = names.first ?? ""
        for k in values.indices {
            var plus = values, minus = values
            plus[k] += step
            minus[k] -= step
            let numerical = (loss(plus) - loss(minus)) / (2 * step)
            let difference = abs(numerical - analytic[k]) / max(1, abs(analytic[k]))
            // `!(<=)` so that a NaN difference counts as the worst.
            if !(difference <= largest) {
                largest = difference
                worst = names[k]
            }
        }
        largestDifference = largest
        self.worst = worst
        agrees = largest <= tolerance
    }

    /// One sentence for the lesson: `check: central finite differences (step 1e-5) agree to within 3e-11`.
    public var summary: String {
        agrees
            ? "check: central finite differences (step \(NumberFormat.bound(step))) agree to within \(NumberFormat.bound(largestDifference))"
            : "check: finite differences DISAGREE for \(worst): relative difference \(NumberFormat.significant(largestDifference, digits: 2)) "
                + "(a kink of relu between θ − ε and θ + ε does this; otherwise the backward pass is wrong)"
    }
}
