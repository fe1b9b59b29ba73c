import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarTraining
import Foundation

/// `caesar eval`: a model against the classical scorers, on text it was not trained on.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a model beside the n-gram scorers: key recovery and raw accuracy by ciphertext length.",
        discussion: """
            Draws --trials spans of the corpus per length, each with exactly that many letters, \
            encrypts each with a random key (fixed --seed), and lets the network and every scorer \
            find the key. For the network it also counts its raw character-by-character output: \
            characters right (letters, '.' and spaces) and whole messages right. Use text the model \
            was not trained on.
            """)

    @Option(help: ArgumentHelp("The model (default: the shipped Models/default.safetensors).", valueName: "path"))
    var model: String?

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

    @Flag(inversion: .prefixedNo, help: "Score the keys on all 26 rotations of each ciphertext and average (the default for any-key models).")
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
        let path = model ?? KeyedDecryption.defaultModel
        let decrypter = try NeuralDecrypter(path: path)
        decrypter.rotations = decrypter.rotations && rotations
        let documents = try corpus.map { try AtomicFile.read($0, limit: 1 << 30) }
        // A model trained for one key is measured on that key; any-key models on random keys.
        let evaluation = try DecryptionEvaluation(
            documents: documents, lengths: lengths, trialsPerLength: trials, seed: seed, fixedKey: decrypter.trainedKey)
        let statistics = try NgramStatistics.english()
        let report = EvaluationReport(
            model: path, architecture: decrypter.file.architecture.description,
            keys: decrypter.trainedKey.map { "\($0) (the model's key)" } ?? "random", corpus: corpus, trials: trials, seed: seed,
            corpusLetters: evaluation.trials.corpusLetters, network: try evaluation.measure(decrypter),
            classical: methods.map { evaluation.measure(Cracker(method: $0, statistics: statistics)) },
            windows: windows.isEmpty ? [] : try DecryptionEvaluation.windows(
                decrypter, tokens: try TrainingCorpus.read(corpus, lossy: false).tokens, lengths: windows, fixedKey: decrypter.trainedKey))
        let output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(report) + "\n" : report.table)
        try output.finish()
    }
}

/// What `caesar eval` prints.
struct EvaluationReport: Encodable {
    let model: String
    let architecture: String
    /// The key of every trial: the model's own for a fixed-key model, else random.
    let keys: String
    let corpus: [String]
    let trials: Int
    let seed: UInt64
    let corpusLetters: Int
    let network: [DecryptionEvaluation.NeuralRow]
    let classical: [[KeyRecoveryEvaluation.Result]]
    let windows: [DecryptionEvaluation.WindowRow]

    var table: String {
        var lines = [
            "model   \(model) (\(architecture))",
            "corpus  \(corpus.joined(separator: ", ")) (\(grouped(corpusLetters)) letters); \(trials) trials per length, key \(keys), seed \(seed)",
            "",
            "           neural network                          key recovered by",
            "letters    key     conf   raw chars  raw messages  " + classical.map { pad($0.first?.method ?? "", 9) }.joined(),
        ]
        for (k, row) in network.enumerated() {
            var line = pad(String(row.letters), 7, left: true) + "    "
            line += pad(percent(row.keyRecovery), 7) + " " + pad(format(row.meanConfidence, 2), 6) + " "
            line += pad(percent(row.rawCharacterAccuracy), 10) + " " + pad(percent(row.rawMessageAccuracy), 13) + " "
            line += classical.map { pad(percent($0[k].rate), 9) }.joined()
            lines.append(line)
        }
        lines = lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }
        if !windows.isEmpty {
            lines.append("")
            lines.append("raw output, the reference's way (first windows of the text, key i mod 26)")
            lines.append("characters  windows  chars right  windows right")
            for row in windows {
                lines.append(pad(String(row.characters), 10, left: true) + "  " + pad(String(row.windows), 7, left: true) + "  "
                    + pad(percent(row.characterAccuracy), 11) + "  " + percent(row.windowAccuracy))
            }
        }
        lines.append("")
        lines.append("key: the network's key is right, so the rotation gives the text exactly; conf: its mean confidence")
        lines.append("raw: the network's own output, character by character (chars right; messages right in full)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
