import CaesarCipher
import CaesarRandom
import CaesarText
import Foundation

/// Honest confidence: a temperature fitted so that a cracker's posteriors mean what they say.
///
/// A language model's probabilities are not exactly those of the text it meets, so the
/// posterior over keys can be a little too sure (or not sure enough). Taking every likelihood
/// to the power 1/T before Bayes' rule,
///
///     P(k | c) ∝ P(k) · P(decrypt(c, k))^(1/T),
///
/// keeps the order of the keys and changes only how sure the answer is. T is chosen to make
/// the true keys of held-out messages as probable as possible (``TemperatureScaling``, which
/// calibrates every other method the same way); then among answers given with confidence 0.9,
/// nine in ten are right, which `caesar eval` checks as the expected calibration error.
public enum Calibration {
    /// A message for calibration: its tokens as the cracker reads them, and its key.
    public struct Trial: Sendable {
        public let ciphertext: CiphertextTokens
        public let key: Int
    }

    /// Messages cut from held-out sentences as `caesar eval` cuts them from text: each starts at
    /// a word and stops after exactly n letters, n drawn from `lengths`, with a random key 1…25.
    public static func trials(sentences: [[UInt8]], lengths: [Int], count: Int, seed: UInt64) -> [Trial] {
        let separator = UInt8(Token.separator.index)
        // Every word start with the letters that follow it in its sentence.
        var starts: [(sentence: Int, position: Int, letters: Int)] = []
        for (s, sentence) in sentences.enumerated() {
            var letters = sentence.filter { $0 < 26 }.count
            for (p, token) in sentence.enumerated() {
                if token < 26, p == 0 || sentence[p - 1] == separator { starts.append((s, p, letters)) }
                if token < 26 { letters -= 1 }
            }
        }
        var random = SeededGenerator(seed: seed)
        var trials: [Trial] = []
        let usableFor = Dictionary(uniqueKeysWithValues: Set(lengths).map { n in (n, starts.filter { $0.letters >= n }) })
        for i in 0..<count {
            let n = lengths[i % lengths.count]
            let usable = usableFor[n]!
            guard !usable.isEmpty else { continue }
            let start = usable[random.uniformInt(below: usable.count)]
            let key = 1 + random.uniformInt(below: 25)
            var tokens: [UInt8] = [UInt8(Token.start.index)], shifted = [false], letters = 0
            for token in sentences[start.sentence][start.position...] where letters < n {
                tokens.append(Token.shifted(index: token, by: key))
                shifted.append(token < 26)
                if token < 26 { letters += 1 }
            }
            trials.append(Trial(ciphertext: CiphertextTokens(tokens: tokens, shifted: shifted), key: key))
        }
        return trials
    }

    /// The temperature that makes the true keys most probable: per trial, the 26 keys'
    /// log-likelihoods and the key (``TemperatureScaling/fit(likelihoods:keys:logPrior:)``).
    public static func temperature(likelihoods: [[Double]], keys: [Int], prior: KeyPrior) -> Double {
        TemperatureScaling.fit(likelihoods: likelihoods, keys: keys, logPrior: prior.logProbabilities)
    }
}
