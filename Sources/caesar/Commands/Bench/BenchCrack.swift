import ArgumentParser
import CaesarBenchmarks
import CaesarCipher
import CaesarDecryption
import CaesarIO
import Foundation

extension Bench {
    /// `caesar bench crack`: how fast each way of finding a key is.
    struct Crack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how fast each method finds a key: loading the models, scoring the 26 keys of a message, the whole command.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar bench crack [<options>]",
            discussion: """
                Cuts --messages messages of each length from the text (default the project's English \
                story), encrypts them with random keys, and times each method ranking the 26 keys of \
                every message, on --threads cores (the median of 5 passes, in milliseconds per message). \
                Then the time to read and check each shipped model file, and the wall time of \
                'caesar decrypt' on the README's example, start to end (the median of 11 runs). \
                Accuracy is measured by 'caesar eval'.

                Example:
                  caesar bench crack --lengths 5 20 100 --messages 300
                """
        )

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Text to cut the messages from (default: Corpora/en-the-lighthouse-letters.txt).", valueName: "path"))
        var corpus: [String] = []

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Message lengths in letters.", valueName: "n"))
        var lengths = [5, 20, 100]

        @Option(help: ArgumentHelp("Messages per length.", valueName: "n"))
        var messages = 200

        @Option(help: ArgumentHelp("Cores the networks may use.", valueName: "n"))
        var threads = 1

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            if !(1...100_000).contains(messages) { throw ValidationError("--messages must be between 1 and 100000, got \(messages)") }
            if let bad = lengths.first(where: { !(1...100_000).contains($0) }) { throw ValidationError("--lengths must be between 1 and 100000 letters, got \(bad)") }
            if Set(lengths).count != lengths.count { throw ValidationError("--lengths lists a length twice") }
            if !(1...64).contains(threads) { throw ValidationError("--threads must be between 1 and 64, got \(threads)") }
        }

        func run() throws {
            let benchmark = CrackingBenchmark(threads: threads)
            let report = try benchmark.report(corpus: corpus.isEmpty ? [SourceCheckout.englishText] : corpus, lengths: lengths, messages: messages)
            if json { try JSONReport.print(report) } else { print(report.rendered()) }
        }
    }
}
