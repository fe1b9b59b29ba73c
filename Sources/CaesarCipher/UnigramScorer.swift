/// Letter-frequency log-likelihood: `Σ log P(letter)` over the plaintext letters, the
/// likelihood of the text as letters drawn independently with English frequencies.
///
/// Knows nothing about order, so it needs more text than the n-gram scorers; it is the
/// likelihood that χ² approximates (see ``ChiSquaredScorer``).
public struct UnigramScorer: LetterScorer {
    let windows: SlidingWindowScorer

    public init(_ statistics: NgramStatistics) {
        windows = SlidingWindowScorer(order: 1, statistics: statistics)
    }

    public func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double {
        windows.statistic(of: letters, decryptedWith: key)
    }
}
