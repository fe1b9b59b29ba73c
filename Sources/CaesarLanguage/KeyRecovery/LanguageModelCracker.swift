import CaesarCipher
import CaesarText
import Foundation

/// Finds a Caesar key by Bayes' rule: the key whose plaintext a language model finds most
/// probable, weighed by the prior over keys (and over languages, when there are several).
///
///     P(language ℓ, key k | ciphertext c)  ∝  P(ℓ) · P(k) · P_ℓ(decrypt(c, k))
///
/// The 26 candidate plaintexts differ only in their letters; the model says how probable each
/// is as text, word gaps and sentence ends included. Normalized over all (ℓ, k), that is the
/// posterior: the key's probability is its sum over languages, the language's its sum over
/// keys. A temperature T, fitted per model on validation text, can soften (T > 1) or sharpen
/// the likelihoods where a model is over- or under-confident: P_ℓ(…)^(1/T).
///
/// It reads text through its own ``TextPipeline``: use one cracker per thread.
public final class LanguageModelCracker {
    /// One language: its model, the temperature its likelihoods are taken to, and what noise
    /// in the shape of its text looks like.
    public struct Language: Sendable {
        public let model: any CharacterLanguageModel
        public let temperature: TemperatureSchedule
        public let noise: NoiseModel?
        /// P(language) before the text is read, relative to the others' (normalized over them).
        public var prior: Double
        public var code: String { model.language }

        public init(model: any CharacterLanguageModel, temperature: TemperatureSchedule = 1, noise: NoiseModel? = nil, prior: Double = 1) {
            precondition(prior > 0, "a prior is positive")
            self.model = model
            self.temperature = temperature
            self.noise = noise
            self.prior = prior
        }
    }

    /// Where a message is taken to begin.
    public enum Beginning: Sendable, Equatable {
        /// At a sentence start: read after `[start]`.
        case sentence
        /// At a word, anywhere: read after ``LanguageModelContext/wordStart``.
        case word
        /// Either, by the case of its first letter: a capital begins a sentence.
        case byCapital
        /// Both, weighed: P(text) = s·P(text | sentence start) + (1 − s)·P(text | word start), with
        /// s = `capital` when the first letter is a capital, else `lowercase`.
        case mixture(capital: Double, lowercase: Double)
    }

    public let languages: [Language]
    public var prior: KeyPrior
    public var beginning = Beginning.word
    /// A cheap model to rule keys out first: keys whose plaintext it finds `margin` nats (or
    /// more) less probable than the best key's are not scored by the languages' models (a
    /// network's time goes to the few keys that matter) and get posterior 0. With a margin of
    /// 40 nats what is ruled out had a posterior below e^-40 under the cheap model.
    public var pruning: (model: NgramLanguageModel, margin: Double)?
    /// What ``LanguageRanking/keys`` calls the method: `lm` unless set.
    public var method = "lm"

    let pipeline: TextPipeline

    public init(languages: [Language], prior: KeyPrior = .encrypted) throws {
        precondition(!languages.isEmpty, "a cracker needs at least one language model")
        self.languages = languages
        self.prior = prior
        pipeline = try TextPipeline(options: .init(sentences: SentenceTokens.splitting))
    }

    /// The posterior over keys and languages for `ciphertext`.
    public func rank(_ ciphertext: CiphertextTokens) -> LanguageRanking {
        let start = UInt8(Token.start.index), word = LanguageModelContext.wordStart
        func scored(after context: UInt8) -> [[Double]] {
            let candidates = (0..<26).map { ciphertext.startingWith(context).plaintext(key: $0) }
            guard let pruning else { return languages.map { $0.model.logLikelihoods(of: candidates) } }
            let cheap = pruning.model.logLikelihoods(of: candidates), best = cheap.max()!
            let kept = (0..<26).filter { cheap[$0] >= best - pruning.margin }
            return languages.map { language in
                var scores = [Double](repeating: -.infinity, count: 26)
                for (k, score) in zip(kept, language.model.logLikelihoods(of: kept.map { candidates[$0] })) { scores[k] = score }
                return scores
            }
        }
        func noise(after context: UInt8) -> [Double?] {
            languages.map { $0.noise?.logLikelihood(of: ciphertext.startingWith(context).tokens) }
        }
        let likelihoods: [[Double]], noises: [Double?]
        switch beginning {
        case .sentence: (likelihoods, noises) = (scored(after: start), noise(after: start))
        case .word: (likelihoods, noises) = (scored(after: word), noise(after: word))
        case .byCapital:
            let context = ciphertext.beginsWithCapital ? start : word
            (likelihoods, noises) = (scored(after: context), noise(after: context))
        case .mixture(let capital, let lowercase):
            let s = ciphertext.beginsWithCapital ? capital : lowercase
            func mix(_ x: Double, _ y: Double) -> Double { logSumExp(x + s.naturalLog, y + (1 - s).naturalLog) }
            likelihoods = zip(scored(after: start), scored(after: word)).map { zip($0, $1).map(mix) }
            noises = zip(noise(after: start), noise(after: word)).map { x, y in x.flatMap { x in y.map { mix(x, $0) } } }
        }
        // Noise in the shape of any of the languages, as likely beforehand as a decryption.
        let noise: (logLikelihood: Double, prior: Double)?
        if noises.allSatisfy({ $0 != nil }), let prior = languages.first?.noise?.prior {
            let values = noises.map { $0! }, top = values.max()!
            let weights = languages.map(\.prior), total = weights.reduce(0, +)
            noise = (top + Foundation.log(zip(values, weights).reduce(0) { $0 + Foundation.exp($1.0 - top) * $1.1 } / total), prior)
        } else {
            noise = nil
        }
        let total = languages.reduce(0) { $0 + $1.prior }
        return LanguageRanking(
            method: method, languages: languages.map(\.code), likelihoods: likelihoods, temperatures: languages.map { $0.temperature.temperature(letters: ciphertext.letters) },
            languagePriors: languages.map { $0.prior / total }, prior: prior, letters: ciphertext.letters, noise: noise)
    }
}

extension LanguageModelCracker: KeyRanker {
    public var name: String { method }

    public func rank(_ text: String, source: String, prefixLetters: Int) throws -> KeyRanking {
        let ciphertext = try CiphertextTokens(text, pipeline: pipeline, prefixLetters: prefixLetters)
        guard ciphertext.letters > 0 else { throw CipherError.noLetters(source: source, scannedBytes: nil) }
        let ranking = rank(ciphertext)
        var keys = ranking.keys
        keys.languages = ranking.languages.map { KeyRanking.LanguageProbability(code: $0.code, probability: $0.probability) }
        keys.noPlaintextProbability = ranking.noPlaintextProbability
        return keys
    }
}

/// The result of ``LanguageModelCracker/rank(_:)``.
public struct LanguageRanking: Sendable {
    /// The 26 keys, best first, with their posterior (summed over languages) and, as their
    /// score, the log-likelihood of their plaintext in the most probable language.
    public let keys: KeyRanking
    /// The languages, most probable first, with their posterior (summed over keys).
    public let languages: [(code: String, probability: Double)]
    /// ln P_ℓ(decrypt(c, k)), nats, per language and key: the evidence itself.
    public let likelihoods: [[Double]]
    /// P(noise | c): that no key gives plaintext of any of the languages (``NoiseModel``);
    /// nil without a noise model.
    public let noPlaintextProbability: Double?

    init(
        method: String, languages codes: [String], likelihoods: [[Double]], temperatures: [Double], languagePriors: [Double],
        prior: KeyPrior, letters: Int, noise: (logLikelihood: Double, prior: Double)? = nil
    ) {
        // ln P(ℓ, k | c) up to a constant.
        let joint = likelihoods.indices.map { l in
            (0..<26).map { k in likelihoods[l][k] / temperatures[l] + prior.logProbabilities[k] + languagePriors[l].naturalLog }
        }
        let top = joint.joined().max()!
        let weights = joint.map { $0.map { exp($0 - top) } }
        let total = weights.joined().reduce(0, +)
        let keyPosterior = (0..<26).map { k in weights.reduce(0) { $0 + $1[k] } / total }
        let languagePosterior = weights.map { $0.reduce(0, +) / total }
        let bestLanguage = languagePosterior.indices.max { languagePosterior[$0] < languagePosterior[$1] }!
        keys = KeyRanking(method: method, statistics: likelihoods[bestLanguage],
                          logLikelihoods: keyPosterior.map { $0 > 0 ? Foundation.log($0) : -Double.greatestFiniteMagnitude }, lettersScored: letters)
        self.languages = zip(codes, languagePosterior).map { (code: $0, probability: $1) }.sorted { $0.probability > $1.probability }
        self.likelihoods = likelihoods
        // Bayes' rule between "a decryption in one of the languages" and "noise", on the
        // likelihoods themselves (a temperature calibrates the choice among keys, not this).
        noPlaintextProbability = noise.map { noise in
            let decryption = (0..<26).map { k in
                likelihoods.indices.map { likelihoods[$0][k] + prior.logProbabilities[k] + languagePriors[$0].naturalLog }.reduce(-Double.infinity, logSumExp)
            }.reduce(-Double.infinity, logSumExp)
            let a = noise.logLikelihood + noise.prior.naturalLog, b = decryption + (1 - noise.prior).naturalLog
            return 1 / (1 + Foundation.exp(b - a))
        }
    }

    /// The most probable language.
    public var language: (code: String, probability: Double) { languages[0] }
}

/// ln(eˣ + eʸ), without overflow.
func logSumExp(_ x: Double, _ y: Double) -> Double {
    let top = max(x, y)
    return top == -.infinity ? top : top + Foundation.log(Foundation.exp(x - top) + Foundation.exp(y - top))
}

extension Double {
    /// ln of a positive number.
    var naturalLog: Double { Foundation.log(self) }
}
