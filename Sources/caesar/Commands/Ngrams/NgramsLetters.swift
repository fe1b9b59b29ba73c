import ArgumentParser
import CaesarCipher
import CaesarIO
import Foundation

extension Caesar.Ngrams {
    /// `caesar ngrams letters --output FILE CORPUS...`: counts letters, bigrams and quadgrams.
    struct Letters: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count letter, bigram and quadgram frequencies in text files and write a statistics file.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar ngrams letters <corpus> ... [<options>]",
            discussion: """
                Letters are A–Z folded to lowercase; everything else is skipped and n-grams run across it, \
                but not from one file into the next. The file's header records this command line and the \
                letters of each corpus. Use the file with --ngrams, for example to crack French.

                Example:
                  caesar ngrams letters --min-count 2 --output french.ngrams madame-bovary.txt
                """
        )

        @Argument(help: ArgumentHelp("Text files to count (UTF-8).", valueName: "corpus"))
        var corpora: [String]

        @Option(help: ArgumentHelp("Keep only quadgrams seen at least this often (smaller file; the rest get a floor).", valueName: "n"))
        var minCount = 1

        @Option(help: ArgumentHelp("A line of free text for the file's header (repeatable), e.g. what was held out.", valueName: "text"))
        var note: [String] = []

        @Flag(help: "Replace invalid UTF-8 bytes with U+FFFD instead of stopping at the first one.")
        var lossy = false

        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            struct Corpus: Encodable {
                let path: String
                let letters: Int
            }
            let output: String?
            let corpora: [Corpus]
            let letters, bigrams, quadgrams, quadgramEntries, minCount, bytes: Int
        }

        func validate() throws {
            if corpora.isEmpty { throw ValidationError("give at least one corpus file to count") }
            if minCount < 1 { throw ValidationError("--min-count must be at least 1, got \(minCount)") }
            if output.json, output.output == nil {
                throw ValidationError("--json prints a summary, so the statistics need --output FILE")
            }
        }

        func run() throws {
            var counter = NgramCounter()
            let corpora = try self.corpora.map { try count($0, into: &counter) }
            let statistics = counter.statistics(quadgramMinCount: minCount, notes: notes(corpora))
            let text = statistics.formatted()
            let sink = try output.open()
            try sink.write(text)
            try sink.finish()
            guard output.json else { return }
            try JSONReport.print(Report(
                output: output.output, corpora: corpora,
                letters: counter.letterTotal, bigrams: counter.bigramTotal, quadgrams: counter.quadgramTotal,
                quadgramEntries: statistics.quadgrams.entries, minCount: minCount, bytes: text.utf8.count))
        }

        private func count(_ path: String, into counter: inout NgramCounter) throws -> Report.Corpus {
            let letters = try counter.add(TextInput(.file(path: path), lossy: lossy))
            guard letters >= 4 else { throw CipherError.emptyCorpus(source: "file '\(path)'") }
            return Report.Corpus(path: path, letters: letters)
        }

        /// The file's header: the format, the exact command, each corpus, and the user's notes.
        private func notes(_ corpora: [Report.Corpus]) -> [String] {
            ["Letter n-gram statistics for caesar (format: \(NgramStatistics.formatMagic)).",
             "Built with: " + ShellWords.caesar(Array(CommandLine.arguments.dropFirst()))]
                + corpora.map { "Corpus: \($0.path) (\($0.letters) letters)" } + note
        }
    }
}
