import CaesarCipher
import Dispatch

/// Many messages, one a line, each with its own key: a list of puzzle lines, a log of
/// intercepted messages, a CTF dump. Each line is judged on its own first `prefixLetters`
/// letters, refused on its own when no key gives plausible plaintext, and decrypted exactly.
///
///     let cracker = MessageCracker(rankers: [try CrackingMethod.lm.ranker()], prefixLetters: 2000)
///     for message in cracker.crack(["Wkh vhfuhw", "Uryyb gurer"]) {
///         print(message.key ?? -1, message.plaintext ?? message.error ?? "")
///     }
///
/// Lines are shared out among the rankers, one worker thread each (rankers are not shared
/// between threads: a network keeps its scratch space). Results come back in input order.
public struct MessageCracker {
    /// The answer for one line.
    public struct Message: Sendable, Equatable, Encodable {
        /// 1-based, in the whole input.
        public let line: Int
        /// Nil for a line without letters (passed through) or one refused (see `error`).
        public let key: Int?
        public let confidence: Double?
        public let method: String?
        public let language: String?
        public let languageProbability: Double?
        /// The decrypted line; nil when it was refused.
        public let plaintext: String?
        /// Why the line was refused (no plausible plaintext), one line with a hint.
        public let error: String?
    }

    /// One per worker thread; all of the same method.
    let rankers: [any KeyRanker]
    public let prefixLetters: Int
    /// What a found key moves back: the letters (the key is always judged on them), or the
    /// digits too.
    public let alphabet: CaesarShift.Alphabet

    public init(rankers: [any KeyRanker], prefixLetters: Int = 2000, alphabet: CaesarShift.Alphabet = .letters) {
        precondition(!rankers.isEmpty, "cracking messages needs a ranker")
        self.rankers = rankers
        self.prefixLetters = prefixLetters
        self.alphabet = alphabet
    }

    /// The cracker `decrypt --lines` uses for `method` on `workers` cores: a ranker of one core
    /// per worker, the lines shared out among them.
    public init(method: CrackingMethod, settings: CrackingMethod.Settings, workers: Int, prefixLetters: Int = 2000, alphabet: CaesarShift.Alphabet = .letters) throws {
        precondition(workers > 0, "cracking messages needs a worker")
        var settings = settings
        settings.threads = 1
        self.init(rankers: try (0..<workers).map { _ in try method.ranker(settings) }, prefixLetters: prefixLetters, alphabet: alphabet)
    }

    /// Cracks each of `lines` (without their line breaks); `firstLine` numbers the first.
    public func crack(_ lines: [String], firstLine: Int = 1) -> [Message] {
        var results = lines.enumerated().map { k, text in Self.passedThrough(text, line: firstLine + k) }
        let workers = max(1, min(rankers.count, lines.count))
        results.withUnsafeMutableBufferPointer { out in
            let shared = Shared(out: out, lines: lines, rankers: rankers)
            let prefixLetters = self.prefixLetters, alphabet = self.alphabet
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                // Interleaved lines: neighbouring lines are often alike in length, so the work
                // evens out. Each worker ranks its share in one call: a network reads them in
                // batches (``KeyRanker/rank(_:sources:prefixLetters:)``).
                let ranker = shared.rankers[worker]
                let mine = stride(from: worker, to: shared.lines.count, by: workers).filter { Self.hasLetters(shared.lines[$0]) }
                let rankings = ranker.rank(mine.map { shared.lines[$0] }, sources: mine.map { "line \(firstLine + $0)" }, prefixLetters: prefixLetters)
                for (k, ranking) in zip(mine, rankings) {
                    shared.out[k] = Self.answer(shared.lines[k], line: firstLine + k, ranking: ranking, method: ranker.name, alphabet: alphabet)
                }
            }
        }
        return results
    }

    /// Disjoint slots of `out` are written by each worker; the rankers are one per worker.
    private struct Shared: @unchecked Sendable {
        let out: UnsafeMutableBufferPointer<Message>
        let lines: [String]
        let rankers: [any KeyRanker]
    }

    /// One line's answer.
    public static func crack(_ text: String, line: Int, with ranker: any KeyRanker, prefixLetters: Int, alphabet: CaesarShift.Alphabet = .letters) -> Message {
        guard hasLetters(text) else { return passedThrough(text, line: line) }
        let ranking = Result { try ranker.rank(text, source: "line \(line)", prefixLetters: prefixLetters) }
        return answer(text, line: line, ranking: ranking, method: ranker.name, alphabet: alphabet)
    }

    private static func hasLetters(_ text: String) -> Bool { Letters.indices(in: text, limit: 1).count == 1 }

    /// A line without letters: nothing to judge, written out as it came.
    private static func passedThrough(_ text: String, line: Int) -> Message {
        Message(line: line, key: nil, confidence: nil, method: nil, language: nil, languageProbability: nil, plaintext: text, error: nil)
    }

    /// The answer for a line from its ranking: refused when no key gives plausible plaintext,
    /// else decrypted exactly by the best key.
    private static func answer(_ text: String, line: Int, ranking: Result<KeyRanking, any Error>, method: String, alphabet: CaesarShift.Alphabet) -> Message {
        do {
            let ranking = try ranking.get().requiringPlausiblePlaintext(source: "line \(line)")
            return Message(
                line: line, key: ranking.best.key, confidence: ranking.best.posterior, method: ranking.method,
                language: ranking.languages.first?.code, languageProbability: ranking.languages.first?.probability,
                plaintext: CaesarShift(key: ranking.best.key, alphabet: alphabet).inverse.apply(to: text), error: nil)
        } catch {
            return Message(line: line, key: nil, confidence: nil, method: method, language: nil, languageProbability: nil, plaintext: nil, error: "\(error)")
        }
    }
}
