import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarTraining
import Foundation

/// `caesar eval`: models against the classical scorers, on text they were not trained on.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure models beside the n-gram scorers: key recovery and raw accuracy by ciphertext length.",
        discussion: """
            Draws --trials spans of the corpus per length, each with exactly that many letters, \
            encrypts each with a random key (fixed --seed), and lets the network and every scorer \
            find the key. For the network it also counts its own raw output: characters right \
            (letters, '.' and spaces; missing or extra ones are wrong) and whole messages right. \
            Models of every setup work: the many-to-many network's character-by-character \
            output, the key classifier's rotation, the encoder-decoder's greedy text. Give \
            --model several times to set models side by side on the very same trials. Use text \
            the models were not trained on.
            """)

    @Option(help: ArgumentHelp("A model; repeat to compare several (default: the shipped Models/default.safetensors).", valueName: "path"))
    var model: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Held-out UTF-8 texts to draw the ciphertexts from.", valueName: "file"))
    var corpus: [String] = []

    @Option(parsing: .upToNextOption, help: "Ciphertext lengths, in letters.")
    var lengths = KeyRecoveryEvaluation.standardLengths

    @Option(help: "Trials per length.")
    var trials = 1000

    @Option(help: "Seed of the spans and keys.")
    var seed: UInt64 = 0

    @Option(parsing: .upToNextOption, help: "Classical scorers to set beside the network.")
    var methods: [ScoringMethod] = ScoringMethod.allCases

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Also measure the raw output the reference's way: the first 2600 windows of these many characters, key i mod 26.",
        valueName: "n"))
    var windows: [Int] = []

    @Flag(inversion: .prefixedNo, help: "Score the keys on all 26 rotations of each ciphertext and average (the default for any-key many-to-many models).")
    var rotations = true

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("give held-out text with --corpus FILE") }
        guard (1...1_000_000).contains(trials) else { throw ValidationError("--trials must be between 1 and 1000000, got \(trials)") }
        guard !lengths.isEmpty, lengths.allSatisfy({ (1...10_000).contains($0) }), Set(lengths).count == lengths.count else {
            throw ValidationError("--lengths takes distinct lengths between 1 and 10000 letters")
        }
        guard windows.allSatisfy({ (1...10_000).contains($0) }) else {
            throw ValidationError("--windows takes lengths between 1 and 10000 characters")
        }
    }

    func run() throws {
        let decrypters = try paths().map { path in
            let decrypter = try NeuralDecrypter(path: path)
            decrypter.rotations = decrypter.rotations && rotations
            return (path, decrypter)
        }
        // A model trained for one key is measured on that key (the first model's decides).
        let key = decrypters[0].1.trainedKey
        let documents = try corpus.map { try AtomicFile.read($0, limit: 1 << 30) }
        let evaluation = try DecryptionEvaluation(
            documents: documents, lengths: lengths, trialsPerLength: trials, seed: seed, fixedKey: key)
        let tokens = windows.isEmpty ? [] : try TrainingCorpus.read(corpus, lossy: false).tokens
        let networks = try decrypters.map { path, decrypter in
            try EvaluationReport.Network(path: path, decrypter: decrypter, evaluation: evaluation, windows: windows, tokens: tokens, fixedKey: key)
        }
        let statistics = try NgramStatistics.english()
        let report = EvaluationReport(
            networks: networks, keys: key.map { "\($0) (the model's key)" } ?? "random", corpus: corpus, trials: trials,
            seed: seed, corpusLetters: evaluation.trials.corpusLetters,
            classical: methods.map { evaluation.measure(Cracker(method: $0, statistics: statistics)) })
        let output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(report) + "\n" : report.table)
        try output.finish()
    }

    /// The models to measure: those given, or the shipped one.
    private func paths() throws -> [String] {
        model.isEmpty ? [try KeyedDecryption.model(nil)] : model
    }
}
