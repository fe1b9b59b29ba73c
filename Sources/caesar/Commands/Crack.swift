import ArgumentParser
import CaesarCipher
import CaesarIO
import Foundation

extension Caesar {
    /// `caesar crack [TEXT...]`: finds the key by scoring and prints the plaintext, streamed.
    struct Crack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find an unknown key by scoring all 26, then print the key, its confidence and the plaintext.",
            discussion: """
                The key is decided from the first --prefix letters; then the whole input is decrypted and \
                streamed, so input of any size runs in constant memory. The first line says the key and its \
                confidence (the posterior probability of the key over all 26, from the scores); the \
                plaintext follows. With --output, the plaintext goes to the file and the first line to \
                standard output; --quiet prints the plaintext only. --json holds the whole plaintext in \
                memory (up to 64 MiB).

                Examples:
                  caesar crack "Wkh vhfuhw phhwlqj lv dw grzq eb wkh ulyhu."
                  caesar crack --method chi2 --top 3 < secret.txt
                  caesar crack --ngrams french.ngrams --quiet -i lettre.txt -o lettre.clair.txt
                """
        )

        @OptionGroup var scoring: ScoringOptions

        @Option(help: ArgumentHelp("Also list the N best keys with their scores (--json: default all 26).", valueName: "n"))
        var top: Int?

        @Flag(name: [.customShort("q"), .long], help: "Print only the plaintext, not the key line.")
        var quiet = false

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            let key: Int
            let confidence: Double
            let method: String
            let lettersScored: Int
            let candidates: [KeyRanking.Candidate]
            let plaintext: String
        }

        func validate() throws {
            if let top, !(1...26).contains(top) {
                throw ValidationError("--top must be between 1 and 26, got \(top)")
            }
        }

        func run() throws {
            let cracker = try scoring.cracker()
            let source = try input.open()
            let stream = KeyedStream(
                input: input, output: output, prefix: CaesarStream.PrefixLimit(letters: scoring.prefix), quiet: quiet,
                top: top, rank: { _, letters in cracker.rank(letters) })
            guard output.json else { return try stream.writeText(from: source) }
            let (ranking, plaintext) = try stream.collect(from: source)
            try output.writeJSON(Report(
                key: ranking.best.key, confidence: ranking.best.posterior, method: ranking.method,
                lettersScored: ranking.lettersScored, candidates: Array(ranking.candidates.prefix(top ?? 26)), plaintext: plaintext))
        }
    }
}
