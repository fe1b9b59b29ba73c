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

        struct Report: Encodable {
            let threads: Int
            let scoring: [CrackingBenchmark.Row]
            let loading: [CrackingBenchmark.Load]
            let lines: [CrackingBenchmark.Throughput]
            let decryptWallMilliseconds: Double
        }

        /// The README's first example.
        static let example = "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."

        func validate() throws {
            if !(1...100_000).contains(messages) { throw ValidationError("--messages must be between 1 and 100000, got \(messages)") }
            if let bad = lengths.first(where: { !(1...100_000).contains($0) }) { throw ValidationError("--lengths must be between 1 and 100000 letters, got \(bad)") }
            if Set(lengths).count != lengths.count { throw ValidationError("--lengths lists a length twice") }
            if !(1...64).contains(threads) { throw ValidationError("--threads must be between 1 and 64, got \(threads)") }
        }

        func run() throws {
            let paths = corpus.isEmpty ? [SourceCheckout.englishText] : corpus
            let documents = try paths.map { Array(try TextInput(.file(path: $0)).readAll(limit: 64 << 20).utf8) }
            let trials = try KeyRecoveryEvaluation(documents: documents, lengths: lengths, trialsPerLength: messages, seed: 0, starts: .word, keys: 1...25)
            var settings = CrackingMethod.Settings()
            settings.threads = threads
            var english = settings
            english.languages = ["en"]
            let methods: [(name: String, ranker: any KeyRanker)] = [
                ("lm (auto: 5 languages)", try CrackingMethod.lm.ranker(settings)),
                ("lm --language en", try CrackingMethod.lm.ranker(english)),
                ("char-rnn", try CrackingMethod.charRNN.ranker(settings)),
                ("neural", try CrackingMethod.neural.ranker(settings)),
                ("quadgram", try CrackingMethod.quadgram.ranker(settings)),
            ]
            let benchmark = CrackingBenchmark(threads: threads)
            let scoring = try benchmark.scoring(methods, trials: trials)
            let loading = try benchmark.loading(ShippedModels.languages.map(ShippedModels.languageModel)
                + [ShippedModels.neuralLanguageModel, ShippedModels.decrypter])
            // --lines: every core, a ranker each, on the messages of the middle length.
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)), letters = lengths[lengths.count / 2]
            let lineMessages = trials.trials.filter { $0.letters == letters }.map { String(decoding: $0.ciphertext, as: UTF8.self) }
            var single = CrackingMethod.Settings()
            single.threads = 1
            let lines = try [("quadgram", CrackingMethod.quadgram), ("lm (auto)", .lm), ("neural", .neural)].map { name, method in
                try benchmark.throughput(method: name, makeRanker: { try method.ranker(single) }, messages: lineMessages, letters: letters, workers: workers)
            }
            var walls: [Double] = []
            for _ in 0..<11 {
                walls.append(try Subprocess.time([Subprocess.currentExecutable, "decrypt", Self.example], input: "/dev/null", output: "/dev/null").wall * 1000)
            }
            walls.sort()
            let report = Report(threads: threads, scoring: scoring, loading: loading, lines: lines, decryptWallMilliseconds: walls[walls.count / 2])
            if json { return try JSONReport.print(report) }
            var text = ["scoring the 26 keys of a message, ms per message on \(threads) core\(threads == 1 ? "" : "s") (median of 5 passes; fastest–slowest)",
                         "method                      letters  messages          ms"]
            for row in scoring {
                text.append(row.method.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7d  %8d  %10.4f  (%.4f–%.4f)", row.letters, row.messages, row.milliseconds, row.fastest, row.slowest))
            }
            text += ["", "loading a shipped model (read, check, build), ms: median, fastest"]
            for load in loading {
                text.append(((load.file as NSString).lastPathComponent + " (" + (((load.file as NSString).deletingLastPathComponent as NSString).lastPathComponent) + ")").padding(toLength: 36, withPad: " ", startingAt: 0)
                    + String(format: "%9d bytes  %7.2f  %7.2f", load.bytes, load.milliseconds, load.fastest))
            }
            text += ["", "many messages at once (decrypt --lines), \(letters)-letter messages on \(workers) core\(workers == 1 ? "" : "s"): messages per second (median of 5)"]
            for row in lines {
                text.append(row.method.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%10.0f  (%d messages)", row.messagesPerSecond, row.messages))
            }
            text += ["", String(format: "caesar decrypt \"%@\": %.1f ms wall, start to end (median of 11)", Self.example, report.decryptWallMilliseconds)]
            print(text.joined(separator: "\n"))
        }
    }
}
