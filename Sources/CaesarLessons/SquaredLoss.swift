/// The squared-error loss over a sequence, in the four forms textbooks use: with or without
/// the ½, summed or averaged over all n predicted numbers.
///
/// Each form is L = Σ_t k·(ŷ_t − y_t)² with one weight k, so ∂L/∂ŷ_t = 2k·(ŷ_t − y_t):
///
/// | name        | L                       | k        | ∂L/∂ŷ_t          |
/// |-------------|-------------------------|----------|------------------|
/// | `half-sum`  | Σ ½(ŷ_t − y_t)²         | ½        | ŷ_t − y_t        |
/// | `sum`       | Σ (ŷ_t − y_t)²          | 1        | 2(ŷ_t − y_t)     |
/// | `half-mean` | (1/n) Σ ½(ŷ_t − y_t)²   | 1/(2n)   | (ŷ_t − y_t)/n    |
/// | `mean`      | (1/n) Σ (ŷ_t − y_t)²    | 1/n      | 2(ŷ_t − y_t)/n   |
///
/// `mean` is PyTorch's `MSELoss()`; `half-sum` is the textbook's, whose ½ cancels the 2.
public enum SquaredLoss: String, CaseIterable, Sendable, Codable {
    case halfSum = "half-sum"
    case sum
    case halfMean = "half-mean"
    case mean

    public var isHalved: Bool { self == .halfSum || self == .halfMean }
    public var isAveraged: Bool { self == .halfMean || self == .mean }

    /// The weight k of each squared difference when `count` numbers are predicted.
    public func weight(count: Int) -> Double {
        precondition(count > 0, "a loss over no predictions")
        return (isHalved ? 0.5 : 1) / (isAveraged ? Double(count) : 1)
    }

    /// One term k·(ŷ − y)².
    public func term(prediction: Double, target: Double, count: Int) -> Double {
        let difference = prediction - target
        return weight(count: count) * difference * difference
    }

    /// ∂(term)/∂ŷ = 2k·(ŷ − y).
    public func gradient(prediction: Double, target: Double, count: Int) -> Double {
        2 * weight(count: count) * (prediction - target)
    }

    /// The term written out, for step `t` of `n`: `½(ŷ_3 − y_3)²`, `(ŷ_3 − y_3)²/3`.
    public func termFormula(prediction: String, target: String, count: String) -> String {
        let square = "(\(prediction) − \(target))²"
        switch self {
        case .halfSum: return "½" + square
        case .sum: return square
        case .halfMean: return "½" + square + "/" + count
        case .mean: return square + "/" + count
        }
    }

    /// ∂(term)/∂ŷ written out: `ŷ_3 − y_3`, `2(ŷ_3 − y_3)`, `(ŷ_3 − y_3)/3`, `2(ŷ_3 − y_3)/3`.
    public func gradientFormula(prediction: String, target: String, count: String) -> String {
        let difference = "(\(prediction) − \(target))"
        switch self {
        case .halfSum: return "\(prediction) − \(target)"
        case .sum: return "2" + difference
        case .halfMean: return difference + "/" + count
        case .mean: return "2" + difference + "/" + count
        }
    }
}
