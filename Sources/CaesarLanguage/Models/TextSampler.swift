import CaesarRandom
import Foundation
import CaesarText

/// Text a language model writes, one token at a time: each drawn from the model's
/// distribution of the next token, sharpened or flattened by a temperature,
///
///     P_T(x) ∝ P(x | history)^(1/T)
///
/// T = 1 draws from the model as it is; lower T prefers its likeliest guesses (at T → 0 it
/// always takes the most probable token and soon repeats itself); higher T gives it more
/// freedom, and more misspellings. What a model writes shows what it learned: words and
/// spelling from an n-gram of order 6, longer agreement from a network that carries a state.
public struct TextSampler: Sendable {
    public let temperature: Double

    public init(temperature: Double = 1) {
        precondition(temperature > 0, "a temperature is positive")
        self.temperature = temperature
    }

    /// `count` tokens after `prime` (a sequence that begins with its context token, usually
    /// `[start]`), drawn with `random`. The result holds `prime` and what was drawn.
    public func sample(_ model: any CharacterLanguageModel, prime: [UInt8], count: Int, random: inout SeededGenerator) -> [UInt8] {
        precondition(!prime.isEmpty, "a sample begins after at least one token")
        var tokens = prime
        for _ in 0..<count {
            let p = model.nextTokenProbabilities(after: tokens).map { $0 > 0 ? pow($0, 1 / temperature) : 0 }
            var u = random.uniformDouble() * p.reduce(0, +)
            var next = p.count - 1
            for (k, weight) in p.enumerated() where weight > 0 {
                if u < weight { next = k; break }
                u -= weight
            }
            tokens.append(UInt8(next))
            if next == Token.end.index { tokens.append(UInt8(Token.start.index)) }  // a new sentence begins
        }
        return tokens
    }
}
