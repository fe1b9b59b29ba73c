import CaesarCipher
import CaesarIO
import CaesarLanguage
import CaesarNeural
import CaesarText
import Foundation

/// Makes a method's confidence honest on a language: fits its temperature on held-out text
/// (``TemperatureScaling``) and records it in the file the method reads its evidence from.
///
/// | method | the file | where the temperature goes |
/// |---|---|---|
/// | `neural` | a decrypter | metadata `calibration_temperature` |
/// | `char-rnn`, `lm` | a language model (network or n-gram) | metadata `calibration_temperature` |
/// | `quadgram`, `bigram`, `unigram`, `chi2` | letter statistics | the file's `calibration` line |
///
/// The messages are cut from the text as `caesar eval` cuts them (spans that begin at a word,
/// exactly n letters, keys 1–25), so the text must be one the file was not made from, and
/// not the text the method is then measured on.
public enum MethodCalibration {
    /// What to calibrate, on what.
    public struct Plan: Sendable {
        public var method: CrackingMethod
        /// The file to calibrate (see the table above).
        public var file: String
        /// Held-out UTF-8 texts to cut the messages from.
        public var corpus: [String]
        public var lengths = [4, 5, 6, 8, 10, 15, 20]
        public var trialsPerLength = 500
        public var seed: UInt64 = 0
        public var threads = 2
        /// The command that calibrates, recorded beside the temperature (the provenance says
        /// how every number in the file came to be).
        public var command: String?

        public init(method: CrackingMethod, file: String, corpus: [String]) {
            self.method = method
            self.file = file
            self.corpus = corpus
        }
    }

    /// What a fit found.
    public struct Fit: Sendable, Encodable {
        public let method: String
        public let file: String
        public let messages: Int
        /// What the file recorded before (1: nothing).
        public let recorded: TemperatureSchedule
        /// The fitted temperatures, one per length, rounded to the four decimals the file keeps.
        public let temperature: TemperatureSchedule
        /// Per length: keys right, the fitted temperature, and the expected calibration error
        /// with the file's temperature before and with the fitted one.
        public let rows: [Row]

        public struct Row: Sendable, Encodable {
            public let letters: Int
            public let accuracy: Double
            public let temperature: Double
            public let calibrationErrorBefore: Double
            public let calibrationErrorAfter: Double
        }
    }

    /// The wrong answers a length needs for a temperature of its own.
    public static let fewestWrongAnswers = 10

    /// The most bytes a corpus file may have.
    public static let corpusLimit = 1 << 30

    /// Fits the temperatures of `plan.method` with `plan.file` on messages cut from
    /// `plan.corpus`: one per length, each on the messages of that length. A length with fewer
    /// than ``fewestWrongAnswers`` wrong answers says too little about how sure to be (with none
    /// the fit runs to the sharpest end of the range, with one it flattens everything to excuse
    /// it): it keeps the temperature of the length before it (1 for the first).
    public static func fit(_ plan: Plan) throws -> Fit {
        let (ranker, recorded) = try Self.ranker(plan)
        let documents = try plan.corpus.map { try AtomicFile.read($0, limit: corpusLimit) }
        let evaluation = try KeyRecoveryEvaluation(
            documents: documents, lengths: plan.lengths.sorted(), trialsPerLength: plan.trialsPerLength, seed: plan.seed, starts: .word, keys: 1...25)
        let texts = evaluation.trials.map { String(decoding: $0.ciphertext, as: UTF8.self) }
        let (likelihoods, logPrior) = try evidence(ranker, texts)
        let keys = evaluation.trials.map(\.key)
        let temperature = schedule(likelihoods: likelihoods, keys: keys, letters: evaluation.trials.map(\.letters), logPrior: logPrior)
        let rows = evaluation.lengths.map { n in
            let of = evaluation.trials.indices.filter { evaluation.trials[$0].letters == n }
            func measured(at t: Double) -> KeyRecoveryEvaluation.Result {
                let answers = of.map { i -> (right: Bool, confidence: Double) in
                    let (key, confidence) = best(likelihoods[i], logPrior: logPrior, temperature: t)
                    return (key == keys[i], confidence)
                }
                return KeyRecoveryEvaluation.Result(method: plan.method.rawValue, letters: n, answers: answers, refused: 0)
            }
            let before = measured(at: recorded.temperature(letters: n)), after = measured(at: temperature.temperature(letters: n))
            return Fit.Row(letters: n, accuracy: before.rate, temperature: temperature.temperature(letters: n),
                           calibrationErrorBefore: before.calibrationError, calibrationErrorAfter: after.calibrationError)
        }
        return Fit(method: plan.method.rawValue, file: plan.file, messages: texts.count, recorded: recorded, temperature: temperature, rows: rows)
    }

    /// The temperatures fitted per length on messages' log-likelihoods (`letters[i]` is message
    /// i's length), each rounded to four decimals; a length with fewer than
    /// ``fewestWrongAnswers`` wrong answers keeps the temperature of the length before it. One
    /// temperature for all lengths comes back as a constant schedule.
    public static func schedule(likelihoods: [[Double]], keys: [Int], letters: [Int], logPrior: [Double]) -> TemperatureSchedule {
        precondition(likelihoods.count == keys.count && keys.count == letters.count && !keys.isEmpty, "one key and length per message")
        var points: [(letters: Int, temperature: Double)] = []
        for n in Set(letters).sorted() {
            let of = letters.indices.filter { letters[$0] == n }
            let wrong = of.filter { best(likelihoods[$0], logPrior: logPrior, temperature: 1).key != keys[$0] }.count
            guard wrong >= fewestWrongAnswers else {
                points.append((n, points.last?.temperature ?? 1))
                continue
            }
            let fitted = TemperatureScaling.fit(likelihoods: of.map { likelihoods[$0] }, keys: of.map { keys[$0] }, logPrior: logPrior)
            points.append((n, (fitted * 10_000).rounded() / 10_000))
        }
        // The same temperature at every length is one temperature.
        return Set(points.map(\.temperature)).count == 1 ? TemperatureSchedule(points[0].temperature) : TemperatureSchedule(points: points)
    }

    /// Writes `plan.file` again, to `output`, with `temperature` recorded (atomically: the old
    /// file stays whole until the new one is complete).
    public static func record(_ temperature: TemperatureSchedule, plan: Plan, to output: String) throws {
        switch plan.method {
        case .neural, .charRNN:
            var file = try ModelFile.load(from: plan.file)
            file.metadata[TemperatureScaling.metadataKey] = temperature.description
            file.metadata[TemperatureScaling.commandKey] = plan.command
            try file.save(to: output)
        case .lm:
            try NgramLanguageModel.load(from: plan.file).recording(temperature: temperature, command: plan.command).save(to: output)
        case .quadgram, .bigram, .unigram, .chi2:
            let statistics = try NgramStatistics.load(path: plan.file)
            var temperatures = statistics.temperatures
            temperatures[ScoringMethod(rawValue: plan.method.rawValue)!] = temperature
            let notes = statistics.notes + (plan.command.map { ["Calibrated with: \($0)"] } ?? [])
            let calibrated = NgramStatistics(
                unigrams: statistics.unigrams, bigrams: statistics.bigrams, quadgrams: statistics.quadgrams, notes: notes, temperatures: temperatures)
            try AtomicFile.write(Array(calibrated.formatted().utf8), to: output)
        }
    }

    /// The method's ranker on the plan's file, and the temperature the file records.
    static func ranker(_ plan: Plan) throws -> (any KeyRanker, TemperatureSchedule) {
        var settings = CrackingMethod.Settings()
        settings.threads = plan.threads
        switch plan.method {
        case .lm:
            settings.languageModels = [plan.file]
            let cracker = try CrackingMethod.languageModelCracker(settings)
            return (cracker, cracker.languages[0].temperature)
        case .charRNN:
            settings.model = plan.file
            let cracker = try plan.method.ranker(settings) as! LanguageModelCracker
            return (cracker, cracker.languages[0].temperature)
        case .neural:
            settings.model = plan.file
            let decrypter = try plan.method.ranker(settings) as! NeuralDecrypter
            // Messages come with keys 1–25; a model for one key would be measured on the others.
            if let key = decrypter.trainedKey { throw DecryptionError.fixedKeyCalibration(path: plan.file, key: key) }
            return (decrypter, decrypter.temperature)
        case .quadgram, .bigram, .unigram, .chi2:
            settings.statistics = try NgramStatistics.load(path: plan.file)
            let cracker = try plan.method.ranker(settings) as! Cracker
            return (cracker, cracker.temperature)
        }
    }

    /// Per text, the 26 keys' log-likelihoods before any temperature, and the prior the
    /// ranker weighs them with.
    static func evidence(_ ranker: any KeyRanker, _ texts: [String]) throws -> (likelihoods: [[Double]], logPrior: [Double]) {
        if let cracker = ranker as? LanguageModelCracker {
            let pipeline = try TextPipeline(options: .init(sentences: SentenceTokens.splitting))
            let likelihoods = try texts.map { cracker.rank(try CiphertextTokens($0, pipeline: pipeline)).likelihoods[0] }
            return (likelihoods, cracker.prior.logProbabilities)
        }
        let rankings = ranker.rank(texts, sources: texts.indices.map { "message \($0 + 1)" }, prefixLetters: .max)
        return (try rankings.map { try $0.get().logLikelihoods }, TemperatureScaling.uniformLogPrior)
    }

    /// The most probable key and its posterior, from log-likelihoods at temperature `t`.
    static func best(_ ll: [Double], logPrior: [Double], temperature t: Double) -> (key: Int, posterior: Double) {
        let z = (0..<26).map { ll[$0].isFinite ? ll[$0] / t + logPrior[$0] : -Double.infinity }
        let top = z.max()!, key = z.firstIndex(of: top)!
        return (key, 1 / z.reduce(0) { $0 + exp($1 - top) })
    }
}
