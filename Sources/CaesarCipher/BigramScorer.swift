/// Bigram log-likelihood: `Σ log P(pair)` over every pair of consecutive plaintext letters.
///
/// Pairs catch what single letters cannot (`th`, `he` and `qu` are common, `qz` never
/// happens). A single letter has no pair; it is scored by its frequency.
public struct BigramScorer: LetterScorer {
    let windows: SlidingWindowScorer

    public init(_ statistics: NgramStatistics) {
        windows = SlidingWindowScorer(order: 2, statistics: statistics)
    }

    public func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double {
        windows.statistic(of: letters, decryptedWith: key)
    }
}
