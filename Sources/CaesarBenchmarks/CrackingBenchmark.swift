import CaesarCipher
import CaesarDecryption
import CaesarLanguage
import CaesarNeural
import Foundation

/// How fast each way of finding a key is: loading its models, and scoring the 26 keys of a
/// message, on the cores it is given.
public struct CrackingBenchmark: Sendable {
    public var threads = 1
    /// Passes over the messages; the median pass counts.
    public var repeats = 5

    public init(threads: Int = 1, repeats: Int = 5) {
        self.threads = threads
        self.repeats = repeats
    }

    /// One method at one length.
    public struct Row: Sendable, Codable {
        public let method: String
        public let letters: Int
        public let messages: Int
        /// Milliseconds to rank the 26 keys of one message: median pass, fastest and slowest.
        public let milliseconds: Double
        public let fastest: Double
        public let slowest: Double
    }

    /// Ranks every message of `trials` with each method, `repeats` times.
    public func scoring(_ methods: [(name: String, ranker: any KeyRanker)], trials: KeyRecoveryEvaluation) throws -> [Row] {
        var rows: [Row] = []
        for (name, ranker) in methods {
            for n in trials.lengths {
                let messages = trials.trials.filter { $0.letters == n }.map { String(decoding: $0.ciphertext, as: UTF8.self) }
                _ = try ranker.rank(messages[0])  // warm
                var passes: [Double] = []
                for _ in 0..<repeats {
                    let clock = ContinuousClock(), started = clock.now
                    for message in messages { _ = try ranker.rank(message) }
                    passes.append((clock.now - started) / .milliseconds(1) / Double(messages.count))
                }
                passes.sort()
                rows.append(Row(method: name, letters: n, messages: messages.count, milliseconds: passes[passes.count / 2],
                                fastest: passes.first!, slowest: passes.last!))
            }
        }
        return rows
    }

    /// Many messages at once (`--lines`): one method's throughput.
    public struct Throughput: Sendable, Codable {
        /// The method, as `--method` names it, with the flags that set it apart.
        public let method: String
        public let letters: Int
        public let messages: Int
        public let workers: Int
        /// Messages cracked (ranked, checked for plausibility, decrypted) per second: median pass.
        public let messagesPerSecond: Double
    }

    /// Cracks `messages` with the ``MessageCracker`` `decrypt --lines` makes for `method` on
    /// `workers` cores, `repeats` times; `label` names it in the report (default: the method).
    public func throughput(
        method: CrackingMethod, settings: CrackingMethod.Settings = .init(), label: String? = nil, messages: [String], letters: Int, workers: Int
    ) throws -> Throughput {
        let cracker = try MessageCracker(method: method, settings: settings, workers: workers)
        _ = cracker.crack(Array(messages.prefix(workers)))  // warm
        var rates: [Double] = []
        for _ in 0..<repeats {
            let clock = ContinuousClock(), started = clock.now
            _ = cracker.crack(messages)
            rates.append(Double(messages.count) / ((clock.now - started) / .seconds(1)))
        }
        rates.sort()
        return Throughput(method: label ?? method.rawValue, letters: letters, messages: messages.count, workers: workers, messagesPerSecond: rates[rates.count / 2])
    }

    /// A file and how long reading and checking it takes.
    public struct Load: Sendable, Codable {
        public let file: String
        public let bytes: Int
        /// Milliseconds, median of the repeats, and the fastest.
        public let milliseconds: Double
        public let fastest: Double
    }

    /// Median time to load each file as what it is (n-gram model, network).
    public func loading(_ files: [String]) throws -> [Load] {
        try files.map { file in
            let time = try MillisecondFigure(runs: max(repeats, 9)) {
                if file.contains("/languages/") {
                    _ = try NgramLanguageModel.load(from: file)
                } else {
                    _ = try ModelFile.load(from: file)
                }
            }
            return Load(file: file, bytes: fileSize(atPath: file), milliseconds: time.median, fastest: time.min)
        }
    }
}
