import CaesarText

#if canImport(Glibc)
import Glibc
#endif

/// A way to judge how much a candidate decryption looks like the language, the heart of
/// cracking by scoring: decrypt with each of the 26 keys, score each, believe the best.
///
/// Scorers see only the letter sequence (alphabet indices 0...25, see ``Letters``) and decrypt
/// it themselves, reading each ciphertext letter `c` as `(c − key) mod 26`.
public protocol LetterScorer: Sendable {
    /// The score of `letters` decrypted with `key` (0...25), in the method's own units: a
    /// log-likelihood in nats (higher is better) or χ² (lower is better).
    func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double

    /// The statistic as a log-likelihood in nats, up to a constant shared by all 26 keys.
    /// Ranking and the posterior over keys use this; log-likelihood scorers return the
    /// statistic itself.
    func logLikelihood(fromStatistic statistic: Double) -> Double
}

extension LetterScorer {
    public func logLikelihood(fromStatistic statistic: Double) -> Double { statistic }
}

/// The scorers by their command-line names (`--method`).
public enum ScoringMethod: String, CaseIterable, Sendable, Codable {
    case quadgram, bigram, unigram, chi2

    /// A scorer of this kind with probabilities from `statistics`.
    public func scorer(using statistics: NgramStatistics) -> any LetterScorer {
        switch self {
        case .quadgram: return QuadgramScorer(statistics)
        case .bigram: return BigramScorer(statistics)
        case .unigram: return UnigramScorer(statistics)
        case .chi2: return ChiSquaredScorer(statistics)
        }
    }

    /// What the statistic is, for column headers: "log-likelihood" or "chi-squared".
    public var statisticName: String {
        self == .chi2 ? "chi-squared" : "log-likelihood"
    }
}

/// The log-likelihood shared by the n-gram scorers: the sum of `log P(n-gram)` over every
/// window of `order` consecutive plaintext letters (`count − order + 1` windows).
///
/// Overlapping windows share letters, so this is not the probability of the text under one
/// model; it is the standard "fitness" of n-gram cryptanalysis, and what the posterior of
/// `README.md` is computed from. Text shorter than one window is scored by its letters alone
/// (order 1), so that every key still gets a comparable score.
struct SlidingWindowScorer: Sendable {
    let order: Int
    /// `log P(n-gram)` in nats, `26^order` values indexed by the n-gram's base-26 value.
    let logProbabilities: [Double]
    /// `log P(letter)`, for text shorter than one window.
    let letterLogProbabilities: [Double]

    init(order: Int, statistics: NgramStatistics) {
        self.order = order
        logProbabilities = statistics.table(order: order).logProbabilities()
        letterLogProbabilities = statistics.unigrams.logProbabilities()
    }

    func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double {
        letters.count >= order
            ? slidingLogLikelihood(of: letters, decryptedWith: key, order: order, logProbabilities: logProbabilities)
            : slidingLogLikelihood(of: letters, decryptedWith: key, order: 1, logProbabilities: letterLogProbabilities)
    }
}

/// The sum of `log P(n-gram)` over the windows of `order` letters of `letters` decrypted with `key`.
func slidingLogLikelihood(of letters: [UInt8], decryptedWith key: Int, order: Int, logProbabilities: [Double]) -> Double {
    precondition((0..<26).contains(key), "a key for scoring is 0...25, got \(key)")
    precondition(logProbabilities.count == NgramStatistics.size(of: order), "a table of order \(order) has \(NgramStatistics.size(of: order)) entries")
    let size = logProbabilities.count
    var index = 0  // the last `order` plaintext letters as a base-26 number
    var sum = 0.0
    logProbabilities.withUnsafeBufferPointer { logP in
        for (i, c) in letters.enumerated() {
            let p = Int(Token.shifted(index: c, by: -key))
            index = (index * 26 + p) % size
            if i >= order - 1 { sum += logP[index] }
        }
    }
    return sum
}
