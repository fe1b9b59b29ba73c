#if canImport(Glibc)
import Glibc
#endif

/// Finds an unknown Caesar key by scoring: decrypt with all 26 keys, score each with a
/// ``LetterScorer``, rank them, and turn the scores into a posterior over keys.
///
///     let cracker = Cracker(method: .quadgram, statistics: try .english())
///     let ranking = cracker.rank(Letters.indices(in: "Wkh vhfuhw phhwlqj"))
///     ranking.best.key          // 3
///     ranking.best.posterior    // ≈ 1.0
public struct Cracker: Sendable {
    public let method: ScoringMethod
    let scorer: any LetterScorer
    /// What calibrates the posterior (``TemperatureScaling``): the statistics' recorded
    /// temperatures for this method, or 1.
    public var temperature: TemperatureSchedule

    public init(method: ScoringMethod, statistics: NgramStatistics) {
        self.method = method
        scorer = method.scorer(using: statistics)
        temperature = statistics.temperatures[method] ?? 1
    }

    /// All 26 keys ranked for `letters` (alphabet indices, at least one).
    public func rank(_ letters: [UInt8]) -> KeyRanking {
        precondition(!letters.isEmpty, "ranking keys needs at least one letter")
        let statistics = (0..<26).map { scorer.statistic(of: letters, decryptedWith: $0) }
        return KeyRanking(
            method: method.rawValue, statistics: statistics, logLikelihoods: statistics.map(scorer.logLikelihood(fromStatistic:)),
            lettersScored: letters.count, temperature: temperature.temperature(letters: letters.count))
    }

    /// Ranks keys for the first `prefixLetters` letters of `text`; `source` names the text in the
    /// error thrown when it has no letter at all.
    public func rank(_ text: String, source: String, prefixLetters: Int = .max) throws -> KeyRanking {
        let letters = Letters.indices(in: text, limit: prefixLetters)
        guard !letters.isEmpty else { throw CipherError.noLetters(source: source, scannedBytes: nil) }
        return rank(letters)
    }
}

extension Cracker: KeyRanker {
    public var name: String { method.rawValue }
}

/// Anything that ranks the 26 keys of a ciphertext: the letter scorers (``Cracker``), a
/// language model by Bayes' rule, a trained network. Each reads the text as it needs (letters,
/// tokens, sentences) and answers with a ``KeyRanking``.
public protocol KeyRanker {
    /// The method's name in reports and JSON: `quadgram`, `lm`, `neural`, ….
    var name: String { get }
    /// The keys of the first `prefixLetters` letters of `text`, ranked; `source` names the text
    /// in the error thrown when it has no letter to judge.
    func rank(_ text: String, source: String, prefixLetters: Int) throws -> KeyRanking
    /// Many texts, each ranked on its own as by `rank(_:source:prefixLetters:)`; `sources[i]`
    /// names text i. The default ranks them one at a time.
    /// A network reads the texts' windows together, in batches.
    func rank(_ texts: [String], sources: [String], prefixLetters: Int) -> [Result<KeyRanking, any Error>]
}

extension KeyRanker {
    /// The keys of the whole of `text`, ranked.
    public func rank(_ text: String) throws -> KeyRanking { try rank(text, source: "the text", prefixLetters: .max) }

    public func rank(_ texts: [String], sources: [String], prefixLetters: Int) -> [Result<KeyRanking, any Error>] {
        precondition(texts.count == sources.count, "one source name per text")
        return zip(texts, sources).map { text, source in Result { try rank(text, source: source, prefixLetters: prefixLetters) } }
    }
}

/// The 26 keys of a Caesar cipher ranked by a scorer, best first, each with its posterior.
public struct KeyRanking: Sendable, Equatable {
    /// One key's result.
    public struct Candidate: Sendable, Equatable, Codable {
        /// The encryption key this candidate assumes; decrypting shifts by `−key`.
        public let key: Int
        /// The scorer's own number (log-likelihood in nats, or χ²); −∞ for a key a method ruled
        /// out without scoring it (written as null in JSON).
        public let score: Double
        /// P(key | text).
        public let posterior: Double

        enum CodingKeys: String, CodingKey { case key, score, posterior }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(score.isFinite ? score : nil, forKey: .score)
            try c.encode(posterior, forKey: .posterior)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(Int.self, forKey: .key)
            score = try c.decodeIfPresent(Double.self, forKey: .score) ?? -.infinity
            posterior = try c.decode(Double.self, forKey: .posterior)
        }

        init(key: Int, score: Double, posterior: Double) {
            self.key = key
            self.score = score
            self.posterior = posterior
        }
    }

    /// What scored the keys: a ``ScoringMethod``'s name, or another ranker's (a network's).
    public let method: String
    /// All 26 keys, best first; equal scores keep key order.
    public let candidates: [Candidate]
    /// How many letters the scores are over.
    public let lettersScored: Int
    /// The evidence the posterior comes from, before any temperature: ln P(text | key) up to a
    /// constant, indexed by key. What ``TemperatureScaling`` fits a temperature on.
    public let logLikelihoods: [Double]
    /// With language models of several languages: each language's posterior, most probable first.
    public var languages: [LanguageProbability] = []
    /// The posterior that no key gives plaintext of a known language (random letters, another
    /// cipher, another language), when the method can say; above 0.5 the answer is refused.
    public var noPlaintextProbability: Double?

    /// A language and how probable it is.
    public struct LanguageProbability: Sendable, Equatable, Codable {
        public let code: String
        public let probability: Double
        public init(code: String, probability: Double) {
            self.code = code
            self.probability = probability
        }
    }

    /// Whether some key gives plausible plaintext: the method cannot tell, or it finds the
    /// text more probably a decryption than noise.
    public var hasPlausiblePlaintext: Bool { (noPlaintextProbability ?? 0) <= 0.5 }

    /// This ranking, or ``CipherError/noPlausiblePlaintext(source:noise:languages:)`` when no
    /// key gives plausible plaintext: a refusal instead of a confident wrong answer.
    public func requiringPlausiblePlaintext(source: String) throws -> KeyRanking {
        guard hasPlausiblePlaintext else {
            throw CipherError.noPlausiblePlaintext(source: source, noise: noPlaintextProbability ?? 1, languages: languages.map(\.code).sorted())
        }
        return self
    }

    /// Ranks keys from per-key scores (`statistics[k]` for key `k`) and their log-likelihoods.
    ///
    /// The posterior is Bayes' rule with a uniform prior, the likelihoods taken to the power
    /// 1/`temperature` (``TemperatureScaling``; 1 leaves them as they are):
    /// `P(k | text) ∝ exp(logLikelihood[k] / T)`, a softmax, computed after subtracting the
    /// largest so `exp` cannot overflow.
    public init(method: String, statistics: [Double], logLikelihoods: [Double], lettersScored: Int, temperature: Double = 1) {
        precondition(statistics.count == 26 && logLikelihoods.count == 26, "a ranking needs one score per key, 26 of each")
        precondition(temperature > 0 && temperature.isFinite, "a temperature is positive")
        let top = logLikelihoods.max()!
        let weights = logLikelihoods.map { exp(($0 - top) / temperature) }
        let evidence = weights.reduce(0, +)
        let order = (0..<26).sorted { a, b in
            logLikelihoods[a] != logLikelihoods[b] ? logLikelihoods[a] > logLikelihoods[b] : a < b
        }
        self.method = method
        self.candidates = order.map { Candidate(key: $0, score: statistics[$0], posterior: weights[$0] / evidence) }
        self.lettersScored = lettersScored
        self.logLikelihoods = logLikelihoods
    }

    /// The most probable key.
    public var best: Candidate { candidates[0] }
}
