/// P(key) before the ciphertext is read: the prior of Bayes' rule over the 26 keys.
///
/// Someone asking to crack a text nearly always has one that was encrypted, so key 0 (the
/// text as it is) gets a small share and the 25 real keys share the rest. The evidence of a
/// few letters outweighs it whenever the text reads as plaintext: key 0 still wins on an
/// unencrypted sentence, but not on a 4-letter text that happens to be a word.
public struct KeyPrior: Sendable, Equatable {
    /// ln P(key) for keys 0…25.
    public let logProbabilities: [Double]

    /// Every key alike.
    public static let uniform = KeyPrior(plaintextShare: 1.0 / 26)

    /// The default: 1% that the text was not encrypted (key 0), the rest alike.
    public static let encrypted = KeyPrior(plaintextShare: 0.01)

    /// Key 0 with probability `plaintextShare`, each other key with (1 − share)/25.
    public init(plaintextShare: Double) {
        precondition(plaintextShare > 0 && plaintextShare < 1, "a share is a probability strictly between 0 and 1")
        let other = (1 - plaintextShare) / 25
        logProbabilities = [plaintextShare.naturalLog] + Array(repeating: other.naturalLog, count: 25)
    }
}
