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
                full; --quiet prints the 26 decryptions alone, best first, a line each (line breaks become \
                spaces), to search them with grep. Text without letters A–Z is an error: all 26 decryptions would be the same text.

                Examples:
                  caesar brute "Wkh vhfuhw phhwlqj"
                  caesar brute --method quadgram --lines -i puzzles.txt
                  caesar brute -q "Wkh vhfuhw phhwlqj" | grep -i secret
                """
        )

        /// Brute prints 26 decryptions; --json holds all of them in memory.
        static let inputLimit = 1 << 20

        @OptionGroup var method: MethodOptions
        @OptionGroup var alphabet: AlphabetOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "Each line is its own message: its 26 keys ranked under a 'line N:' heading (--json: JSON Lines, one object per line).")
        var lines = false

        @Flag(name: [.customShort("q"), .long], help: "Print only the 26 decryptions, best first, one a line: no table, no headings.")
        var quiet = false

        struct Report: Encodable {
            struct Line: Encodable {
                let rank, key: Int
                let score, posterior: Double
                let plaintext: String
            }
            let method: String
            let lettersScored: Int
            let candidates: [Line]
            /// With --lines, the input line ranked.
            var line: Int?
        }

        /// The ranking of one text as a report.
        static func report(_ ranking: KeyRanking, of text: String, line: Int? = nil, alphabet: CaesarShift.Alphabet) -> Report {
            let lines = ranking.candidates.enumerated().map {
                Report.Line(rank: $0 + 1, key: $1.key, score: $1.score, posterior: $1.posterior, plaintext: CaesarShift(key: $1.key, alphabet: alphabet).inverse.apply(to: text))
            }
            return Report(method: ranking.method, lettersScored: ranking.lettersScored, candidates: lines, line: line)
        }

        /// --lines: every line ranked on its own, a block (or a JSON line) each; lines without
        /// letters are skipped (all 26 decryptions would be the same text).
        func runLines() throws {
            let ranker = try method.ranker(threads: 1), sink = try output.open()
            var number = 0
            try LineByLineOutput.forEachBlock(of: input) { block in
                for text in block {
                    number += 1
                    guard !Letters.indices(in: text, limit: 1).isEmpty else { continue }
                    let ranking = try ranker.rank(text, source: "line \(number)", prefixLetters: method.prefix)
                    if output.json {
                        try sink.write(try JSONReport.encode(Self.report(ranking, of: text, line: number, alphabet: alphabet.chosen), pretty: false) + "\n")
                    } else {
                        try sink.write((quiet ? "" : "line \(number):\n") + table(ranking, of: text) + (quiet ? "" : "\n"))
                    }
                }
            }
            try sink.finish()
        }

        func run() throws {
            try alphabet.requireFindable()
            if lines { return try runLines() }
            let source = try input.open()
            let text = try source.readAll(limit: Brute.inputLimit)
            let ranking = try method.ranker().rank(text, source: source.name, prefixLetters: method.prefix)
            if output.json {
                try output.writeJSON(Self.report(ranking, of: text, alphabet: alphabet.chosen))
            } else {
                let sink = try output.open()
                try sink.write(table(ranking, of: text))
                try sink.finish()
            }
        }

        /// The ranked keys as text: the table, or with --quiet the decryptions alone.
        private func table(_ ranking: KeyRanking, of text: String) -> String {
            let decrypt = { (key: Int) in CaesarShift(key: key, alphabet: alphabet.chosen).inverse.apply(to: text) }
            guard quiet else { return RankingTable.lines(ranking.candidates[...], plaintext: decrypt) }
            // One line each, so that line N is the N-th best key's text.
            return ranking.candidates.map { decrypt($0.key).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ") + "\n" }.joined()
        }
    }
}
