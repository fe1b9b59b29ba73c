import ArgumentParser
import CaesarCipher

extension Caesar {
    /// `caesar brute [TEXT...]`: every key tried, ranked by score.
    struct Brute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Try all 26 keys and list them ranked by score, best first.",
            discussion: """
                Prints 26 lines: rank, key (the encryption key: decrypting shifts back by it), score \
                (the method's own number: a log-likelihood in nats, higher is better; chi-squared, lower \
                is better), posterior probability of the key, and the start of the decryption. --json gives every decryption in \
                full. Text without letters A–Z is an error: all 26 decryptions would be the same text.

                Example:
                  caesar brute "Wkh vhfuhw phhwlqj"
                """
        )

        /// Brute prints 26 decryptions; --json holds all of them in memory.
        static let inputLimit = 1 << 20

        @OptionGroup var method: MethodOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            struct Line: Encodable {
                let rank, key: Int
                let score, posterior: Double
                let plaintext: String
            }
            let method: String
            let lettersScored: Int
            let candidates: [Line]
        }

        func run() throws {
            let source = try input.open()
            let text = try source.readAll(limit: Brute.inputLimit)
            let ranking = try method.ranker().rank(text, source: source.name, prefixLetters: method.prefix)
            let decrypt = { (key: Int) in CaesarShift(key: key).inverse.apply(to: text) }
            if output.json {
                let lines = ranking.candidates.enumerated().map { Report.Line(rank: $0 + 1, key: $1.key, score: $1.score, posterior: $1.posterior, plaintext: decrypt($1.key)) }
                try output.writeJSON(Report(method: ranking.method, lettersScored: ranking.lettersScored, candidates: lines))
            } else {
                let sink = try output.open()
                try sink.write(RankingTable.lines(ranking.candidates[...], plaintext: decrypt))
                try sink.finish()
            }
        }
    }
}
