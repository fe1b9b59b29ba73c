/// Quadgram log-likelihood: `Σ log P(four letters)` over every window of four consecutive
/// plaintext letters, the strongest of the four scorers on short text.
///
/// Four letters span most of a short English word or a word boundary (`ofth`, `inth`), so one
/// table captures spelling, common words and how words follow each other. Text shorter than
/// four letters has no window; it is scored by letter frequencies.
public struct QuadgramScorer: LetterScorer {
    let windows: SlidingWindowScorer

    public init(_ statistics: NgramStatistics) {
        windows = SlidingWindowScorer(order: 4, statistics: statistics)
    }

    public func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double {
        windows.statistic(of: letters, decryptedWith: key)
    }
}
