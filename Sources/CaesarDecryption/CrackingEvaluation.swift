import CaesarCipher
import Foundation

/// Methods of finding a key measured side by side on the very same messages: how often the
/// key is right, how honest the confidence is, how often the answer is refused, and (for the
/// language models) how often the language is named right.
///
/// The messages are spans of held-out text that begin at a word and stop after exactly N
/// letters, each encrypted with a random key 1–25 (``KeyRecoveryEvaluation``, one seed for all
/// methods). With ``noise(seed:)`` the same spans have random letters, for the refusal rate.
public struct CrackingEvaluation: Sendable {
    public let trials: KeyRecoveryEvaluation

    public init(documents: [[UInt8]], lengths: [Int], trialsPerLength: Int, seed: UInt64,
                starts: KeyRecoveryEvaluation.SpanStart = .word, keys: ClosedRange<Int> = 1...25) throws {
        trials = try KeyRecoveryEvaluation(documents: documents, lengths: lengths, trialsPerLength: trialsPerLength, seed: seed,
                                           starts: starts, keys: keys)
    }

    init(trials: KeyRecoveryEvaluation) {
        self.trials = trials
    }

    /// The same spans with random letters in place of the text's.
    public func noise(seed: UInt64) -> CrackingEvaluation {
        CrackingEvaluation(trials: trials.randomizingLetters(seed: seed))
    }

    /// One method's results.
    public struct Measurement: Sendable, Codable {
        /// The method's name as `--method` takes it, and how the report labels it.
        public let method: String
        public let label: String
        /// One row per length.
        public let rows: [KeyRecoveryEvaluation.Result]
        /// Per length, the share of answers whose most probable language was `expectedLanguage`
        /// (methods that weigh languages only).
        public let languageRight: [Double]?
    }

    /// Measures `ranker` on every trial; `expectedLanguage` is the corpus's language, to count
    /// how often the method names it.
    public func measure(_ ranker: any KeyRanker, label: String? = nil, expectedLanguage: String? = nil) throws -> Measurement {
        var rows: [KeyRecoveryEvaluation.Result] = [], languageRight: [Double] = [], weighsLanguages = false
        for n in trials.lengths {
            var answers: [(right: Bool, confidence: Double)] = [], refused = 0, named = 0, count = 0
            for trial in trials.trials where trial.letters == n {
                count += 1
                let ranking = try ranker.rank(String(decoding: trial.ciphertext, as: UTF8.self))
                if let language = ranking.languages.first {
                    weighsLanguages = true
                    if language.code == expectedLanguage { named += 1 }
                }
                guard ranking.hasPlausiblePlaintext else {
                    refused += 1
                    continue
                }
                answers.append((ranking.best.key == trial.key, ranking.best.posterior))
            }
            rows.append(KeyRecoveryEvaluation.Result(method: ranker.name, letters: n, answers: answers, refused: refused))
            languageRight.append(Double(named) / Double(max(count, 1)))
        }
        return Measurement(
            method: ranker.name, label: label ?? ranker.name, rows: rows,
            languageRight: weighsLanguages && expectedLanguage != nil ? languageRight : nil)
    }
}
