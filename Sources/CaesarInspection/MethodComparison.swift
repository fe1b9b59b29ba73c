import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarTraining
import Foundation

/// What `caesar eval` measures: every way of finding a key, on the very same messages of
/// held-out text (``CrackingEvaluation``), and what each neural decrypter's own output gets
/// right (``DecryptionEvaluation``). Its text and HTML forms are drawn from these values.
public struct MethodComparison: Encodable, Sendable {
    /// What to measure and on what.
    public struct Plan: Sendable {
        /// Held-out UTF-8 texts the messages are drawn from.
        public var corpus: [String]
        public var methods: [CrackingMethod] = CrackingMethod.allCases
        /// The methods' settings; `model` is replaced by each of `models` in turn.
        public var settings = CrackingMethod.Settings()
        /// For neural: decrypters to measure side by side (empty: the shipped one).
        public var models: [String] = []
        /// The corpus's language, to check how often `lm` names it.
        public var textLanguage: String?
        public var lengths = [4, 5, 6, 8, 10, 15, 20]
        public var trials = 1000
        public var seed: UInt64 = 0
        public var starts = KeyRecoveryEvaluation.SpanStart.word
        /// Also the same spans with random letters, to count the refusals that should happen.
        public var noise = false
        /// For neural: the raw output measured the reference's way on windows of these lengths.
        public var windows: [Int] = []

        public init(corpus: [String]) { self.corpus = corpus }
    }

    /// A neural decrypter's own output, measured on the same messages.
    public struct Network: Encodable, Sendable {
        public let label: String
        public let architecture: String
        public let rows: [DecryptionEvaluation.NeuralRow]
        public let windows: [DecryptionEvaluation.WindowRow]
    }

    public let corpus: [String]
    public let corpusLetters: Int
    public let trials: Int
    public let seed: UInt64
    public let starts: KeyRecoveryEvaluation.SpanStart
    public let textLanguage: String?
    public let measurements: [CrackingEvaluation.Measurement]
    public let noise: [CrackingEvaluation.Measurement]
    public let networks: [Network]

    /// The most bytes a corpus file may have.
    public static let corpusLimit = 1 << 30

    /// Measures every method of the plan (each model of the neural one) on the same messages.
    public init(measuring plan: Plan) throws {
        let documents = try plan.corpus.map { try AtomicFile.read($0, limit: Self.corpusLimit) }
        let evaluation = try CrackingEvaluation(documents: documents, lengths: plan.lengths, trialsPerLength: plan.trials, seed: plan.seed, starts: plan.starts)
        var measured: [(measurement: CrackingEvaluation.Measurement, ranker: any KeyRanker)] = []
        for method in plan.methods {
            var settings = plan.settings
            for model in method == .neural && !plan.models.isEmpty ? plan.models.map(Optional.some) : [nil] {
                settings.model = model
                let ranker = try method.ranker(settings)
                let label = model.map { "neural " + (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? method.rawValue
                measured.append((try evaluation.measure(ranker, label: label, expectedLanguage: plan.textLanguage), ranker))
            }
        }
        // The noise spans and the corpus's tokens are made once, for every method and network.
        let noisy = plan.noise ? evaluation.noise(seed: plan.seed &+ 1) : nil
        noise = try noisy.map { noisy in try measured.map { try noisy.measure($0.ranker, label: $0.measurement.label) } } ?? []
        let decrypters = measured.compactMap { entry in (entry.ranker as? NeuralDecrypter).map { (entry.measurement.label, $0) } }
        let tokens = plan.windows.isEmpty || decrypters.isEmpty ? [] : try TrainingCorpus.read(plan.corpus, lossy: false).tokens
        networks = try decrypters.map { label, decrypter in
            let rows = try DecryptionEvaluation(trials: evaluation.trials).measure(decrypter)
            let windowRows = plan.windows.isEmpty ? [] : try DecryptionEvaluation.windows(decrypter, tokens: tokens, lengths: plan.windows, fixedKey: decrypter.trainedKey)
            return Network(label: label, architecture: decrypter.file.architecture.description, rows: rows, windows: windowRows)
        }
        corpus = plan.corpus
        corpusLetters = evaluation.trials.corpusLetters
        trials = plan.trials
        seed = plan.seed
        starts = plan.starts
        textLanguage = plan.textLanguage
        measurements = measured.map(\.measurement)
    }

    /// What was measured on what, as label and value.
    public var facts: [(String, String)] {
        [("corpus", "\(corpus.joined(separator: ", ")) (\(grouped(corpusLetters)) letters)"),
         ("messages", "\(trials) per length, starting at \(starts == .word ? "words" : "any letter"), keys 1–25, seed \(seed)")]
    }

    /// The page `caesar eval --report` writes: the tables with reliability diagrams.
    public var page: EvaluationPage {
        EvaluationPage(title: "caesar eval", facts: facts, measurements: measurements, noise: noise)
    }
}
