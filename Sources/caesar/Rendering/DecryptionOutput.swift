import CaesarCipher
import CaesarDecryption
import CaesarIO

/// A key decided from a stream's first letters, then the whole stream decrypted: the output
/// side shared by `crack` and keyless `decrypt`, whatever ranks the keys.
///
/// As text: the plaintext alone goes to standard output (or --output), as it streams; the key
/// line (and with `top` a table of the best keys) goes to standard error, so that
/// `caesar decrypt < in > out` puts only plaintext in `out`; `quiet` leaves the key line out.
struct DecryptionOutput {
    let input: InputOptions
    let output: OutputOptions
    let prefix: CaesarStream.PrefixLimit
    var quiet = false
    var top: Int?
    let ranker: any KeyRanker
    /// What the found key moves back: the letters, or the digits too.
    var alphabet = CaesarShift.Alphabet.letters

    /// Ranks the keys of a prefix, refusing when no key gives plausible plaintext.
    func rank(_ prefix: [UInt8], source: String) throws -> KeyRanking {
        try ranker.rank(String(decoding: prefix, as: UTF8.self), source: source, prefixLetters: self.prefix.letters)
            .requiringPlausiblePlaintext(source: source)
    }

    /// The key line and the plaintext as text, or everything as JSON.
    func run(from source: TextInput) throws {
        guard output.json else { return try writeText(from: source) }
        let (ranking, plaintext) = try collect(from: source)
        try output.writeJSON(DecryptionReport(ranking, plaintext: plaintext, top: top ?? 26))
    }

    func writeText(from source: TextInput) throws {
        let plaintext = try output.open()
        let summary = try TextOutput(.standardError)
        try CaesarStream.crack(source, prefix: prefix, alphabet: alphabet, rank: { held, _ in try rank(held, source: source.name) }, decided: { ranking, held in
            guard !quiet else { return }
            try summary.write(Self.keyLine(ranking))
            if let top {
                let text = String(decoding: held, as: UTF8.self)
                try summary.write(RankingTable.lines(ranking.candidates.prefix(top)) { CaesarShift(key: $0, alphabet: alphabet).inverse.apply(to: text) })
            }
            try summary.flush()
        }, emit: { try plaintext.write($0) })
        if input.isArguments { try plaintext.write("\n") }
        try plaintext.finish()
        try summary.finish()
    }

    /// The ranking and the whole plaintext, collected in memory up to a limit (for --json).
    func collect(from source: TextInput) throws -> (KeyRanking, String) {
        var plaintext: [UInt8] = []
        let ranking = try CaesarStream.crack(source, prefix: prefix, alphabet: alphabet, rank: { held, _ in try rank(held, source: source.name) }, decided: { _, _ in }, emit: { slice in
            guard plaintext.count + slice.count <= ShiftedOutput.jsonLimit else {
                throw IOError.tooLarge(source: source.name, limit: ShiftedOutput.jsonLimit)
            }
            plaintext.append(contentsOf: slice)
        })
        return (ranking, String(decoding: plaintext, as: UTF8.self))
    }

    /// `key 3, confidence 0.9999 (English 1.0000; lm over 34 letters)`.
    static func keyLine(_ ranking: KeyRanking) -> String {
        let language = ranking.languages.first.map { languageText($0.code, $0.probability) } ?? ""
        return "key \(ranking.best.key), confidence \(String(format: "%.4f", ranking.best.posterior)) (\(language)\(ranking.method) over \(ranking.lettersScored) letters)\n"
    }

    /// `English 1.0000; `: the language named and its probability, as the key lines show it. A
    /// user's model names its language in its metadata: shown with control characters visible.
    static func languageText(_ code: String, _ probability: Double) -> String {
        "\(ShippedModels.languageNames[code] ?? TerminalText.visible(code)) \(String(format: "%.4f", probability)); "
    }
}
