import CaesarCipher

/// What a decryption found, as `caesar decrypt --json` and `caesar crack --json` write it: the
/// key, its probability, how it was found, and the plaintext.
public struct DecryptionReport: Encodable, Sendable {
    public let key: Int
    /// The posterior of the key over all 26 (1 when the key was given).
    public let confidence: Double
    /// `key` when the key was given; otherwise the ranking's method (`lm`, `quadgram`, `neural`, …).
    public let method: String
    /// The most probable language and its probability, when the method weighs languages.
    public var language: String?
    public var languageProbability: Double?
    /// A network's file and setup (many-to-many, many-to-one, encoder-decoder).
    public var model: String?
    public var setup: String?
    public var lettersScored: Int?
    public var candidates: [KeyRanking.Candidate]?
    public let plaintext: String
    /// The network's own output (`--raw`), and how much of it agrees with the plaintext.
    public var raw: String?
    public var rawAgreement: Double?

    /// A decryption with a given key.
    public init(key: Int, confidence: Double, method: String, plaintext: String) {
        self.key = key
        self.confidence = confidence
        self.method = method
        self.plaintext = plaintext
    }

    /// The report of a ranking, with its `top` candidates.
    public init(_ ranking: KeyRanking, plaintext: String, top: Int = 26) {
        self.init(key: ranking.best.key, confidence: ranking.best.posterior, method: ranking.method, plaintext: plaintext)
        language = ranking.languages.first?.code
        languageProbability = ranking.languages.first?.probability
        lettersScored = ranking.lettersScored
        candidates = Array(ranking.candidates.prefix(top))
    }
}
