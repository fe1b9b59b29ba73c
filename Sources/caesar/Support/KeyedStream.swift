import CaesarCipher
import CaesarIO

/// A key decided from a stream's first letters, then the whole stream decrypted: the output
/// side shared by `crack` (an n-gram scorer ranks the keys) and keyless `decrypt` (a network
/// does).
///
/// As text: a key line (and with `top` a table of the best keys) first, then the plaintext as
/// it streams; with --output, the plaintext goes to the file and the key line to standard
/// output; `quiet` leaves only the plaintext.
struct KeyedStream {
    let input: InputOptions
    let output: OutputOptions
    let prefix: CaesarStream.PrefixLimit
    var quiet = false
    var top: Int?
    /// Ranks the 26 keys from the prefix's bytes and letters.
    let rank: (_ prefix: [UInt8], _ letters: [UInt8]) throws -> KeyRanking

    func writeText(from source: TextInput) throws {
        let plaintext = try output.open()
        let summary = output.output == nil ? plaintext : try TextOutput(.standardOutput)
        try CaesarStream.crack(source, prefix: prefix, rank: rank, decided: { ranking, held in
            guard !quiet else { return }
            try summary.write(Self.keyLine(ranking))
            if let top {
                let text = String(decoding: held, as: UTF8.self)
                try summary.write(RankingTable.lines(ranking.candidates.prefix(top)) { CaesarShift(key: $0).inverse.apply(to: text) })
            }
            try summary.flush()
        }, emit: { try plaintext.write($0) })
        if input.isArguments { try plaintext.write("\n") }
        try plaintext.finish()
        if summary !== plaintext { try summary.finish() }
    }

    /// The ranking and the whole plaintext, collected in memory up to a limit (for --json).
    func collect(from source: TextInput) throws -> (KeyRanking, String) {
        var plaintext: [UInt8] = []
        let ranking = try CaesarStream.crack(source, prefix: prefix, rank: rank, decided: { _, _ in }, emit: { slice in
            guard plaintext.count + slice.count <= Shifting.jsonLimit else {
                throw IOError.tooLarge(source: source.name, limit: Shifting.jsonLimit)
            }
            plaintext.append(contentsOf: slice)
        })
        return (ranking, String(decoding: plaintext, as: UTF8.self))
    }

    static func keyLine(_ ranking: KeyRanking) -> String {
        let confidence = String(format: "%.4f", ranking.best.posterior)
        return "key \(ranking.best.key), confidence \(confidence) (\(ranking.method) over \(ranking.lettersScored) letters)\n"
    }
}
