import CaesarText

/// What a text that is no decryption at all looks like: random letters in the shape of text.
///
/// Cracking always finds a best key, even for random letters, another cipher, or a language
/// it has no model of. To say "no plausible plaintext" instead, the cracker weighs one more
/// hypothesis: the letters are noise, each of the 26 equally likely, in a text whose word gaps
/// and sentence ends are those of real text (the language model's ``NgramLanguageModel/skeleton``):
///
///     P(c | noise) = P_skeleton(c with every letter as a) · (1/26)^letters
///
/// A real message is far more probable as a decryption than as noise: each letter of English
/// costs about 2 bits under the language model against log₂ 26 = 4.7 bits as noise. Random
/// letters are the reverse: under the language model, whichever key, they cost more than 4.7
/// bits a letter. The evidence grows with the length, so a short text is rarely refused and a
/// long random one nearly always is.
public struct NoiseModel: Sendable {
    public let skeleton: NgramLanguageModel
    /// P(noise) before the text is read.
    public var prior: Double

    public init(skeleton: NgramLanguageModel, prior: Double = 0.1) {
        precondition(prior > 0 && prior < 1, "a prior is a probability strictly between 0 and 1")
        self.skeleton = skeleton
        self.prior = prior
    }

    /// ln P(tokens | noise), `tokens` as a language model reads them (see ``CiphertextTokens``).
    public func logLikelihood(of tokens: [UInt8]) -> Double {
        let letters = tokens.dropFirst().filter { $0 < 26 }.count
        return skeleton.logLikelihoods(of: [Self.skeleton(tokens)])[0] - Double(letters) * log26
    }

    /// Every letter as `a`: the shape of a text.
    public static func skeleton<C: Collection<UInt8>>(_ tokens: C) -> [UInt8] {
        tokens.map { $0 < 26 ? 0 : $0 }
    }
}

let log26 = 3.258096538021482  // ln 26
