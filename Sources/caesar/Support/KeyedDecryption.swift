import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarNeural
import Foundation

/// The work behind `caesar decrypt`: a given key, or a key found by a network or a scorer.
struct KeyedDecryption {
    let command: Caesar.Decrypt

    /// The shipped model, in the checkout the binary was built from.
    static let defaultModel = SourceCheckout.path("Models/default.safetensors")
    /// --raw holds the text and its restoration record.
    static let rawLimit = 1 << 20

    struct Report: Encodable {
        let key: Int
        /// The posterior of the key over all 26 (1 when the key was given).
        let confidence: Double
        let method: String
        var model: String?
        /// The model's setup (many-to-many, many-to-one, encoder-decoder).
        var setup: String?
        var lettersScored: Int?
        var candidates: [KeyRanking.Candidate]?
        let plaintext: String
        /// --raw: the network's own output, and how much of it agrees with the plaintext.
        var raw: String?
        var rawAgreement: Double?
    }

    /// With a known key: a plain rotation, streamed.
    static func known(_ shift: CaesarShift, input: InputOptions, output: OutputOptions) throws {
        if output.json {
            let plaintext = try Shifting.shiftAll(input, through: shift.inverse)
            try output.writeJSON(Report(key: shift.key, confidence: 1, method: "key", plaintext: plaintext))
        } else {
            try Shifting.stream(input, through: shift.inverse, to: output)
        }
    }

    private var modelPath: String { command.model ?? Self.defaultModel }

    /// The model a command reads: the one given, or the shipped one, which must be there.
    static func model(_ given: String?) throws -> String {
        if let given { return given }
        guard FileManager.default.fileExists(atPath: defaultModel) else { throw DecryptionError.noDefaultModel(path: defaultModel) }
        return defaultModel
    }

    private func decrypter() throws -> NeuralDecrypter {
        let decrypter = try NeuralDecrypter(path: Self.model(command.model))
        decrypter.rotations = decrypter.rotations && command.rotations
        return decrypter
    }

    /// Key from the prefix, then the whole input rotated, in constant memory.
    func stream() throws {
        let source = try command.input.open()
        let rank: (_ prefix: [UInt8], _ letters: [UInt8]) throws -> KeyRanking
        var setup: String?
        if command.method == .neural {
            let decrypter = try self.decrypter()
            setup = decrypter.file.architecture.setup.name
            let letters = command.prefix
            rank = { prefix, _ in try decrypter.rank(utf8: Self.cut(prefix, afterLetters: letters), source: source.name) }
        } else {
            let cracker = Cracker(method: ScoringMethod(rawValue: command.method.rawValue)!, statistics: try command.statistics.load())
            rank = { _, letters in cracker.rank(letters) }
        }
        let stream = KeyedStream(
            input: command.input, output: command.output, prefix: CaesarStream.PrefixLimit(letters: command.prefix),
            quiet: command.quiet, rank: rank)
        guard command.output.json else { return try stream.writeText(from: source) }
        let (ranking, plaintext) = try stream.collect(from: source)
        try command.output.writeJSON(Report(
            key: ranking.best.key, confidence: ranking.best.posterior, method: ranking.method,
            model: command.method == .neural ? modelPath : nil, setup: setup, lettersScored: ranking.lettersScored,
            candidates: Array(ranking.candidates.prefix(5)), plaintext: plaintext))
    }

    /// The bytes of `text` up to its `count`-th ASCII letter (a chunk read holds more than the
    /// prefix the key is decided from). Cutting after an ASCII byte keeps UTF-8 whole.
    static func cut(_ text: [UInt8], afterLetters count: Int) -> [UInt8] {
        var seen = 0
        for (i, byte) in text.enumerated() where (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
            seen += 1
            if seen == count { return Array(text[...i]) }
        }
        return text
    }

    /// The network's own output beside the decryption (the whole text at once).
    func raw() throws {
        let source = try command.input.open()
        let text = try source.readAll(limit: Self.rawLimit)
        let decrypter = try decrypter()
        let result = try decrypter.decrypt(text, source: source.name)
        let ranking = result.ranking, setup = decrypter.file.architecture.setup
        if command.output.json {
            return try command.output.writeJSON(Report(
                key: ranking.best.key, confidence: ranking.best.posterior, method: ranking.method, model: modelPath, setup: setup.name,
                lettersScored: ranking.lettersScored, candidates: Array(ranking.candidates.prefix(5)), plaintext: result.plaintext,
                raw: result.raw, rawAgreement: result.rawAgreement))
        }
        let out = try command.output.open()
        if !command.quiet { try out.write(KeyedStream.keyLine(ranking)) }
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
