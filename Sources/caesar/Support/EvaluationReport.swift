import CaesarCipher
import CaesarDecryption
import CaesarNeural
import CaesarTraining
import Foundation

/// What `caesar eval` prints: each model's rows beside the classical scorers', all on the
/// same trials. One model gets the detailed table; several get a comparison, one column each.
struct EvaluationReport: Encodable {
    /// One --model's results.
    struct Network: Encodable {
        let model: String
        let architecture: String
        let setup: String
        let parameters: Int
        let rows: [DecryptionEvaluation.NeuralRow]
        let windows: [DecryptionEvaluation.WindowRow]

        init(
            path: String, decrypter: NeuralDecrypter, evaluation: DecryptionEvaluation, windows lengths: [Int], tokens: [UInt8],
            fixedKey: Int?
        ) throws {
            model = path
            architecture = decrypter.file.architecture.description
            setup = decrypter.file.architecture.setup.description
            parameters = decrypter.file.parameters.layout.totalCount
            rows = try evaluation.measure(decrypter)
            windows = lengths.isEmpty ? [] : try DecryptionEvaluation.windows(decrypter, tokens: tokens, lengths: lengths, fixedKey: fixedKey)
        }

        /// The file's name without folder and extension: the column heading.
        var name: String {
            let file = (model as NSString).lastPathComponent
            return file.hasSuffix(".safetensors") ? String(file.dropLast(".safetensors".count)) : file
        }
    }

    /// The first model's results (`networks` holds every model's, the first included).
    let model: String
    let architecture: String
    let network: [DecryptionEvaluation.NeuralRow]
    let windows: [DecryptionEvaluation.WindowRow]
    let networks: [Network]
    /// The key of every trial: a fixed-key model's own, else random.
    let keys: String
    let corpus: [String]
    let trials: Int
    let seed: UInt64
    let corpusLetters: Int
    let classical: [[KeyRecoveryEvaluation.Result]]

    init(
        networks: [Network], keys: String, corpus: [String], trials: Int, seed: UInt64, corpusLetters: Int,
        classical: [[KeyRecoveryEvaluation.Result]]
    ) {
        precondition(!networks.isEmpty, "at least one model")
        model = networks[0].model
        architecture = networks[0].architecture
        network = networks[0].rows
        windows = networks[0].windows
        self.networks = networks
        self.keys = keys
        self.corpus = corpus
        self.trials = trials
        self.seed = seed
        self.corpusLetters = corpusLetters
        self.classical = classical
    }

    private var corpusLine: String {
        "corpus  \(corpus.joined(separator: ", ")) (\(grouped(corpusLetters)) letters); \(trials) trials per length, key \(keys), seed \(seed)"
    }

    var table: String { networks.count == 1 ? single : comparison }

    /// One model: key, confidence and raw accuracy per length, then the scorers.
    private var single: String {
        var lines = [
            "model   \(model) (\(architecture))",
            corpusLine,
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
        lines.append("raw: the network's own output, position by position (chars right; messages right in full)")
        return trimmed(lines)
    }

    /// Several models: keys right, then raw characters right, one column per model.
    private var comparison: String {
        let width = max(9, networks.map(\.name.count).max()! + 2)
        var lines = ["models"]
        for (k, n) in networks.enumerated() {
            lines.append("  \(k + 1) \(pad(n.name, width - 1)) \(n.architecture), \(grouped(n.parameters)) parameters")
        }
        lines += [corpusLine, "", "key recovered (the rotation then gives the text exactly)"]
        lines.append("letters  " + networks.map { pad($0.name, width) }.joined() + classical.map { pad($0.first?.method ?? "", width) }.joined())
        for (k, length) in network.map(\.letters).enumerated() {
            lines.append(pad(String(length), 7, left: true) + "  " + networks.map { pad(percent($0.rows[k].keyRecovery), width) }.joined()
                + classical.map { pad(percent($0[k].rate), width) }.joined())
        }
        lines += ["", "raw output: characters right (messages right in full)"]
        lines.append("letters  " + networks.map { pad($0.name, width + 9) }.joined())
        for (k, length) in network.map(\.letters).enumerated() {
            lines.append(pad(String(length), 7, left: true) + "  " + networks.map {
                pad(percent($0.rows[k].rawCharacterAccuracy) + " (" + percent($0.rows[k].rawMessageAccuracy) + ")", width + 9)
            }.joined())
        }
        if !windows.isEmpty {
            lines += ["", "raw output, the reference's way (first windows of the text, key i mod 26): characters right"]
            lines.append("characters  " + networks.map { pad($0.name, width) }.joined())
            for (k, row) in windows.enumerated() {
                lines.append(pad(String(row.characters), 10, left: true) + "  " + networks.map { pad(percent($0.windows[k].characterAccuracy), width) }.joined())
            }
        }
        lines += ["", "raw: each model's own output: the many-to-many network's characters, the classifier's rotation,",
                  "the encoder-decoder's greedy text (missing or extra characters count as wrong)"]
        return trimmed(lines)
    }

    private func trimmed(_ lines: [String]) -> String {
        lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
