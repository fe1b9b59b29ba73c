import CaesarCipher
import CaesarLanguage
import CaesarNeural

/// The ways caesar finds a key, by the names `--method` takes.
///
/// | method | what ranks the 26 keys |
/// |---|---|
/// | `lm` (default) | Bayes' rule with the n-gram language models of the languages asked for (``LanguageModelCracker``) |
/// | `char-rnn` | Bayes' rule with the recurrent language model (English; ``NeuralLanguageModel``) |
/// | `neural` | the many-to-many decrypter network (``NeuralDecrypter``) |
/// | `quadgram`, `bigram`, `unigram`, `chi2` | letter statistics (``Cracker``) |
///
/// `lm` is the default because it is the most accurate on short messages, measured by
/// `caesar eval` (see the README's tables).
public enum CrackingMethod: String, CaseIterable, Sendable, Codable {
    case lm
    case charRNN = "char-rnn"
    case neural, quadgram, bigram, unigram, chi2

    /// What each method needs besides its name.
    public struct Settings: Sendable {
        /// `lm`: the languages to weigh, by their shipped models (nil: all of them, `auto`).
        public var languages: [String]?
        /// `lm`: model files to use instead of the shipped ones (their languages as recorded).
        public var languageModels: [String] = []
        /// `lm`: how likely each language is beforehand, relative to the others (1 if not listed).
        public var languagePriors: [String: Double] = CrackingMethod.languagePriors
        /// `neural`: the decrypter (nil: the shipped one); whether it averages all rotations.
        public var model: String?
        public var rotations = true
        /// Networks: the cores they may use.
        public var threads = 2
        /// The letter scorers: statistics (nil: the built-in English ones).
        public var statistics: NgramStatistics?

        public init() {}
    }

    /// A ranker of this method.
    public func ranker(_ settings: Settings = Settings()) throws -> any KeyRanker {
        switch self {
        case .lm: return try Self.languageModelCracker(settings)
        case .charRNN:
            // The network's likelihoods; noise in the shape of English, from the n-gram model's skeleton.
            let network = try NeuralLanguageModel(path: try settings.model ?? ShippedModels.existing(ShippedModels.neuralLanguageModel), threads: settings.threads)
            let ngram = try NgramLanguageModel.load(from: try ShippedModels.existing(ShippedModels.languageModel(network.language)))
            let cracker = try LanguageModelCracker(languages: [.init(
                model: network, temperature: network.calibrationTemperature, noise: ngram.skeleton.map { NoiseModel(skeleton: $0, prior: Self.noisePrior) })])
            cracker.method = rawValue
            cracker.pruning = (ngram, 40)  // the network scores only the keys the n-gram model cannot rule out
            return cracker
        case .neural:
            let decrypter = try NeuralDecrypter(path: try settings.model ?? ShippedModels.existing(ShippedModels.decrypter), threads: settings.threads)
            decrypter.rotations = decrypter.rotations && settings.rotations
            return decrypter
        case .quadgram, .bigram, .unigram, .chi2:
            return Cracker(method: ScoringMethod(rawValue: rawValue)!, statistics: try settings.statistics ?? .english())
        }
    }

    /// Languages' priors for `auto`, relative: English 3, every other language 1, so P(English)
    /// = 3/7 of the five. Most text people crack here is English; on held-out books this raises
    /// English with `auto` from 92.5 to 94.9% at 4 letters and from 98.75 to 99.05% at 5, and
    /// costs the others 0–1.9 points at 4 letters and at most 0.25 at 5 (`caesar eval
    /// --methods lm --trials 2000 --seed 3`, README).
    public static let languagePriors: [String: Double] = ["en": 3]

    /// The noise hypothesis's prior: small, so that a real message is practically never
    /// refused while 20 random letters nearly always are (measured by `caesar eval`).
    public static let noisePrior = 1e-4

    /// The language-model cracker of `settings`: given files, or the shipped model of each
    /// language asked for.
    public static func languageModelCracker(_ settings: Settings) throws -> LanguageModelCracker {
        let paths = settings.languageModels.isEmpty
            ? try (settings.languages ?? ShippedModels.languages).map { try ShippedModels.existing(ShippedModels.languageModel($0)) }
            : settings.languageModels
        let languages = try paths.map { path -> LanguageModelCracker.Language in
            let model = try NgramLanguageModel.load(from: path)
            return .init(model: model, temperature: model.calibrationTemperature,
                         noise: model.skeleton.map { NoiseModel(skeleton: $0, prior: noisePrior) },
                         prior: settings.languagePriors[model.language] ?? 1)
        }
        return try LanguageModelCracker(languages: languages)
    }
}
