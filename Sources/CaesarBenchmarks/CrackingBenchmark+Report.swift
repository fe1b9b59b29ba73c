import CaesarCipher
import CaesarDecryption
import CaesarIO
import Foundation

extension CrackingBenchmark {
    /// Everything `caesar bench crack` measures.
    public struct Report: Encodable, Sendable {
        public let threads: Int
        /// Each method ranking the 26 keys of a message, by message length.
        public let scoring: [Row]
        /// Reading and checking each shipped model file.
        public let loading: [Load]
        /// Many messages at once (`decrypt --lines`), on every core.
        public let lines: [Throughput]
        /// `caesar decrypt` on ``example``, start to end: the median of 11 runs.
        public let decryptWallMilliseconds: Double
    }

    /// The README's first example.
    public static let example = "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."

    /// Cuts `messages` messages of each of `lengths` letters from the texts at `corpus`, encrypts
    /// them with random keys (seed 0), and measures every method on them; then the shipped
    /// models' loading, `--lines` throughput at the middle length, and `executable decrypt`
    /// start to end.
    public func report(corpus: [String], lengths: [Int], messages: Int, executable: String = Subprocess.currentExecutable) throws -> Report {
        let documents = try corpus.map { Array(try TextInput(.file(path: $0)).readAll(limit: 64 << 20).utf8) }
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
        let scoring = try self.scoring(methods, trials: trials)
        let loading = try self.loading(ShippedModels.languages.map(ShippedModels.languageModel)
            + [ShippedModels.neuralLanguageModel, ShippedModels.decrypter])
        // --lines: every core, a ranker each, on the messages of the middle length.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)), letters = lengths[lengths.count / 2]
        let lineMessages = trials.trials.filter { $0.letters == letters }.map { String(decoding: $0.ciphertext, as: UTF8.self) }
        var lines = try [CrackingMethod.quadgram, .lm, .charRNN, .neural].map { method in
            try throughput(method: method, messages: lineMessages, letters: letters, workers: workers)
        }
        // The network reading each message once instead of in all 26 rotations: 26 times less work.
        var once = settings
        once.rotations = false
        lines.append(try throughput(method: .neural, settings: once, label: "neural --no-rotations", messages: lineMessages, letters: letters, workers: workers))
        var walls: [Double] = []
        for _ in 0..<11 {
            walls.append(try Subprocess.time([executable, "decrypt", Self.example], input: "/dev/null", output: "/dev/null").wall * 1000)
        }
        walls.sort()
        return Report(threads: threads, scoring: scoring, loading: loading, lines: lines, decryptWallMilliseconds: walls[walls.count / 2])
    }
}
