import CaesarText
import Foundation

/// Two language models as one: at every token, the weighted mean of their probabilities,
///
///     P(x_t | history) = λ · P_a(x_t | history) + (1 − λ) · P_b(x_t | history).
///
/// A mixture of distributions is a distribution, and where one model is unsure and the other
/// knows (the n-gram model on a rare name it has seen, the network on a word it can spell
/// out), the mixture keeps most of what the better one says. λ is fitted on held-out text
/// (``fitWeight(_:_:on:)``) to make it most probable.
public final class InterpolatedLanguageModel: CharacterLanguageModel, @unchecked Sendable {
    public let first: any CharacterLanguageModel
    public let second: any CharacterLanguageModel
    /// λ, the first model's share.
    public let weight: Double

    public init(_ first: any CharacterLanguageModel, _ second: any CharacterLanguageModel, weight: Double) {
        precondition(weight > 0 && weight < 1, "a mixture weight is strictly between 0 and 1")
        self.first = first
        self.second = second
        self.weight = weight
    }

    public var summary: String { "\(first.summary) + \(second.summary), λ = \(String(format: "%.2f", weight))" }
    public var language: String { first.language }

    public func tokenLogProbabilities(of sequence: [UInt8]) -> [Double] { tokenLogProbabilities(ofEach: [sequence])[0] }

    public func tokenLogProbabilities(ofEach sequences: [[UInt8]]) -> [[Double]] {
        let a = first.tokenLogProbabilities(ofEach: sequences), b = second.tokenLogProbabilities(ofEach: sequences)
        let logWeight = log(weight), logRest = log(1 - weight)
        return sequences.indices.map { s in
            sequences[s].indices.map { t in Self.isPredicted(sequences[s], t) ? logSumExp(a[s][t] + logWeight, b[s][t] + logRest) : 0 }
        }
    }

    public func nextTokenProbabilities(after history: [UInt8]) -> [Double] {
        zip(first.nextTokenProbabilities(after: history), second.nextTokenProbabilities(after: history)).map { weight * $0 + (1 - weight) * $1 }
    }

    /// Whether token t of a sequence is predicted (not its first, given token, nor a `[start]`).
    static func isPredicted(_ sequence: [UInt8], _ t: Int) -> Bool { t > 0 && sequence[t] != UInt8(Token.start.index) }

    /// The λ that makes `sequences` most probable (EM: each step sets λ to the mean share the
    /// first model has of each token's mixed probability).
    public static func fitWeight(_ a: any CharacterLanguageModel, _ b: any CharacterLanguageModel, on sequences: [[UInt8]]) -> Double {
        let pa = a.tokenLogProbabilities(ofEach: sequences), pb = b.tokenLogProbabilities(ofEach: sequences)
        var pairs: [(Double, Double)] = []
        for s in sequences.indices {
            for t in sequences[s].indices where isPredicted(sequences[s], t) { pairs.append((exp(pa[s][t]), exp(pb[s][t]))) }
        }
        var lambda = 0.5
        for _ in 0..<50 {
            let share = pairs.reduce(0.0) { $0 + lambda * $1.0 / (lambda * $1.0 + (1 - lambda) * $1.1) } / Double(max(pairs.count, 1))
            lambda = min(max(share, 0.01), 0.99)
        }
        return lambda
    }
}
