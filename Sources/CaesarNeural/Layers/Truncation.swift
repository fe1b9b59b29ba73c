import CaesarRandom

/// How far back in time backpropagation carries gradients (BPTT).
///
/// The forward pass always runs every step with the state carried forward; truncation only
/// decides where the backward pass stops the gradient that flows from step s to step s − 1
/// through h (and c). Weight gradients at step s still use h₋₁ as a value.
public enum Truncation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Full BPTT: the gradient flows back through every step.
    case full
    /// Regular truncation: the gradient is cut every `k` steps (at steps k, 2k, …).
    case every(Int)
    /// Randomized truncation after Tallec & Ollivier (2017): at each step boundary the
    /// gradient is cut with probability c = 1/k, so windows have random, geometrically
    /// distributed lengths of mean k; where it is not cut it is multiplied by 1/(1 − c), which
    /// keeps the expected gradient equal to the full one (unbiased, unlike regular truncation).
    case random(meanLength: Int)

    public var description: String {
        switch self {
        case .full: return "full"
        case .every(let k): return "truncated:\(k)"
        case .random(let k): return "random:\(k)"
        }
    }

    /// The factor for the gradient carried from step s to step s − 1, for s = 1 ..< T in
    /// processing order (index 0 is unused and 1): 0 where cut, 1 where carried unchanged.
    public func carryFactors(steps: Int, random: inout SeededGenerator) -> [Double] {
        var factors = [Double](repeating: 1, count: max(steps, 1))
        switch self {
        case .full:
            break
        case .every(let k):
            precondition(k > 0, "truncation window must be positive")
            for s in Swift.stride(from: k, to: steps, by: k) { factors[s] = 0 }
        case .random(let k):
            precondition(k > 0, "mean truncation length must be positive")
            let c = 1 / Double(k)
            for s in 1..<max(steps, 1) {
                factors[s] = random.uniformDouble() < c ? 0 : 1 / (1 - c)
            }
        }
        return factors
    }
}
