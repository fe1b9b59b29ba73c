import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarNeural
import Foundation

/// `caesar decrypt --raw`: the network's own output, character by character, beside the
/// decryption (the whole text at once), and a note on what that output is for its setup.
struct NetworkTraceOutput {
    let command: Caesar.Decrypt

    /// --raw holds the text and its restoration record.
    static let rawLimit = 1 << 20

    private var modelPath: String { command.method.model ?? ShippedModels.decrypter }

    private func decrypter() throws -> NeuralDecrypter {
        let decrypter = try NeuralDecrypter(path: ShippedModels.decrypter(command.method.model))
        decrypter.rotations = decrypter.rotations && command.method.rotations
        return decrypter
    }

    func run() throws {
        let source = try command.input.open()
        let text = try source.readAll(limit: Self.rawLimit)
        let decrypter = try decrypter()
        let result = try decrypter.decrypt(text, source: source.name)
        let ranking = result.ranking, setup = decrypter.file.architecture.setup
        if command.output.json {
            var report = DecryptionReport(ranking, plaintext: result.plaintext, top: 5)
            report.model = modelPath
            report.setup = setup.name
            report.raw = result.raw
            report.rawAgreement = result.rawAgreement
            return try command.output.writeJSON(report)
        }
        if !command.quiet { StandardError.print(String(DecryptionOutput.keyLine(ranking).dropLast())) }
        let out = try command.output.open()
        // The labelled lines end where the text does (not with its own final line break).
        func line(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
        try out.write("network  \(line(result.raw))\n")
        try out.write("         (\(Self.rawNote(setup, agreement: result.rawAgreement, key: ranking.best.key)))\n")
        try out.write("key \(ranking.best.key)    \(line(result.plaintext))\n")
        try out.finish()
    }

    /// What the raw line shows, for each setup.
    static func rawNote(_ setup: Setup, agreement: Double, key: Int) -> String {
        let agree = "\(String(format: "%.1f", agreement * 100))% of the letters agree with key \(key)"
        switch setup {
        case .manyToMany: return "its own guess at each character; " + agree
        case .manyToOne: return "a key classifier: the text rotated back by the key it chose, \(key)"
        case .encoderDecoder: return "its greedy output, written after reading the whole text; " + agree
        case .languageModel: preconditionFailure("a language model is not a decrypter")
        }
    }
}
