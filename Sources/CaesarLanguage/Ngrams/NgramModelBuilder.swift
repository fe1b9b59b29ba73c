import CaesarCipher
import Foundation

/// Everything `caesar ngrams build` does, for any Swift program: read the corpus, estimate
/// the model, measure it on the held-out sentences, and fit the temperature that calibrates
/// the cracker using it.
public struct NgramModelBuilder: Sendable {
    public var order = 6
    /// Smallest count an n-gram of each order needs (see ``KneserNey``).
    public var minimumCounts = [1, 1, 1, 2, 2, 3]
    /// The language's code, recorded in the model.
    public var language: String
    /// The share of each file's sentences held out to measure and calibrate.
    public var validationFraction = 0.05
    /// Free text for the metadata (what was held out, how to rebuild).
    public var note: String?
    /// How the model was made, for its provenance (the command line).
    public var command: String?
    public var lossy = false

    public init(language: String) {
        self.language = language
    }

    /// What a build measured.
    public struct Report: Sendable, Encodable {
        public let files: [String]
        public let trainingTokens: Int
        public let ngrams: Int
        public let contexts: Int
        /// Bits per character on the held-out sentences (nil with no validation split).
        public let validationBitsPerCharacter: Double?
        /// The fitted temperature (nil with no validation split).
        public let temperature: Double?
        public let seconds: Double
    }

    /// Lengths and number of the held-out messages the temperature is fitted on.
    static let calibrationLengths = [4, 5, 6, 8, 10, 15, 20]
    static let calibrationMessages = 7000

    public func build(from paths: [String]) throws -> (model: NgramLanguageModel, report: Report) {
        let clock = ContinuousClock(), started = clock.now
        let corpus = try LanguageCorpus(paths: paths, validationFraction: validationFraction, lossy: lossy)
        var metadata = ["language": language, "corpus": corpus.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")]
        metadata["note"] = note
        metadata["command"] = command
        var model = try NgramLanguageModel.estimate(sentences: corpus.training, order: order, minimumCounts: minimumCounts, metadata: metadata)
        var bits: Double?, temperature: Double?
        if !corpus.validation.isEmpty {
            bits = model.bitsPerCharacter(NgramLanguageModel.sequences(corpus.validation))
            let fitted = try Self.calibrate(model, on: corpus.validation)
            temperature = fitted
            metadata["validation_bits_per_character"] = String(format: "%.4f", bits!)
            metadata[TemperatureScaling.metadataKey] = String(format: "%.4f", fitted)
            model = model.with(metadata: metadata)
        }
        let report = Report(
            files: corpus.files, trainingTokens: corpus.trainingTokens, ngrams: model.ngramCount, contexts: model.contextCount,
            validationBitsPerCharacter: bits, temperature: temperature, seconds: (clock.now - started) / .seconds(1))
        return (model, report)
    }

    /// The temperature that calibrates the default cracker with `model` on messages cut from
    /// `sentences` (``Calibration``).
    static func calibrate(_ model: NgramLanguageModel, on sentences: [[UInt8]]) throws -> Double {
        let trials = Calibration.trials(sentences: sentences, lengths: calibrationLengths, count: calibrationMessages, seed: 0)
        let cracker = try LanguageModelCracker(languages: [.init(model: model)])
        let likelihoods = trials.map { cracker.rank($0.ciphertext).likelihoods[0] }
        return Calibration.temperature(likelihoods: likelihoods, keys: trials.map(\.key), prior: cracker.prior)
    }
}
