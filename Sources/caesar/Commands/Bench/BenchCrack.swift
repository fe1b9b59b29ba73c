import ArgumentParser
import CaesarCipher
import CaesarIO
import Foundation

extension Bench {
    /// `caesar bench crack --corpus FILE...`: key-recovery rate per method and length.
    struct Crack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how often each scoring method recovers the key of short ciphertexts.",
            discussion: """
                For each length N (letters), draws --trials random spans of the corpus holding exactly N \
                letters (spaces and punctuation come along), encrypts each with a random key 0–25, cracks it \
                with every method, and prints the share of keys recovered and the mean confidence the method \
                gave its answer. The same --seed gives the same trials. Measure on text the statistics were \
                not built from (see Sources/CaesarCipher/README.md for the held-out books).

                Example:
                  caesar bench crack --corpus ../shared/corpora/en-shelley-frankenstein.txt
                """
        )

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Held-out text files to draw ciphertexts from.", valueName: "path"))
        var corpus: [String] = []

        @Option(help: ArgumentHelp("Trials per length.", valueName: "n"))
        var trials = 1000

        @Option(help: ArgumentHelp("Seed for the spans and keys.", valueName: "s"))
        var seed: UInt64 = 0

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Ciphertext lengths in letters.", valueName: "n"))
        var lengths = KeyRecoveryEvaluation.standardLengths

        @Option(name: .customLong("method"), help: ArgumentHelp("Methods to measure (repeatable; default all).", valueName: "method"))
        var methods: [ScoringMethod] = ScoringMethod.allCases

        @OptionGroup var statistics: StatisticsOptions

        @Flag(help: "Replace invalid UTF-8 bytes with U+FFFD instead of stopping at the first one.")
        var lossy = false

        @Flag(help: "Print the result as JSON.")
        var json = false

        struct Report: Encodable {
            let corpus: [String]
            let corpusLetters, trialsPerLength: Int
            let seed: UInt64
            let statistics: String
            let results: [KeyRecoveryEvaluation.Result]
        }

        /// The most text read from one corpus file.
        static let corpusLimit = 64 << 20

        func validate() throws {
            if corpus.isEmpty { throw ValidationError("give at least one held-out text with --corpus FILE") }
            if !(1...1_000_000).contains(trials) { throw ValidationError("--trials must be between 1 and 1000000, got \(trials)") }
            if let bad = lengths.first(where: { !(1...100_000).contains($0) }) {
                throw ValidationError("--lengths must be between 1 and 100000 letters, got \(bad)")
            }
            if Set(lengths).count != lengths.count { throw ValidationError("--lengths lists a length twice") }
        }

        func run() throws {
            let documents = try corpus.map { Array(try TextInput(.file(path: $0), lossy: lossy).readAll(limit: Crack.corpusLimit).utf8) }
            let evaluation = try KeyRecoveryEvaluation(documents: documents, lengths: lengths, trialsPerLength: trials, seed: seed)
            let loaded = try statistics.load()
            let results = methods.flatMap { evaluation.measure(Cracker(method: $0, statistics: loaded)) }
            let report = Report(corpus: corpus, corpusLetters: evaluation.corpusLetters, trialsPerLength: trials, seed: seed, statistics: statistics.name, results: results)
            if json {
                try JSONReport.print(report)
            } else {
                print(Crack.describe(report, lengths: lengths, methods: methods))
            }
        }

        /// Two tables, rows by length and columns by method: recovery rate, then mean confidence.
        static func describe(_ report: Report, lengths: [Int], methods: [ScoringMethod]) -> String {
            func cell(_ method: ScoringMethod, _ n: Int) -> KeyRecoveryEvaluation.Result {
                report.results.first { $0.method == method.rawValue && $0.letters == n }!
            }
            let header = "letters" + methods.map { $0.rawValue.leftPadded(to: 10) }.joined()
            let rates = lengths.map { n in "\(n)".leftPadded(to: 7) + methods.map { String(format: "%9.1f%%", 100 * cell($0, n).rate) }.joined() }
            let confidences = lengths.map { n in "\(n)".leftPadded(to: 7) + methods.map { String(format: "%10.3f", cell($0, n).meanConfidence) }.joined() }
            return """
                key recovery on \(report.corpus.count) file(s), \(report.corpusLetters) letters; \
                \(report.trialsPerLength) trials per length, random keys, seed \(report.seed); statistics: \
                \(report.statistics)

                keys recovered
                \(header)
                \(rates.joined(separator: "\n"))

                mean confidence in the answer
                \(header)
                \(confidences.joined(separator: "\n"))
                """
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
