import CaesarText

/// Pearson's χ² between the plaintext's letter counts and the counts English frequencies
/// predict: `Σ (observed − expected)² / expected` over a–z, lower is better.
///
/// For the posterior over keys, χ² maps to a log-likelihood of `−χ²/2`: χ² is the
/// second-order approximation of the G-statistic `2 Σ O ln(O/E)`, which is twice the gap
/// between the letter-frequency log-likelihood and that of the text's own frequencies; the
/// second term is the same for all 26 keys (they permute the same counts), so
/// `softmax(−χ²/2)` approximates the ``UnigramScorer`` posterior.
public struct ChiSquaredScorer: LetterScorer {
    /// English letter probabilities, 26 values that sum to about 1.
    let probabilities: [Double]

    public init(_ statistics: NgramStatistics) {
        let unigrams = statistics.unigrams
        // A letter the statistics never saw gets the floor, so no expected count is 0.
        probabilities = unigrams.counts.map { ($0 > 0 ? Double($0) : NgramStatistics.Table.floorCount) / Double(unigrams.total) }
    }

    public func statistic(of letters: [UInt8], decryptedWith key: Int) -> Double {
        precondition((0..<26).contains(key), "a key for scoring is 0...25, got \(key)")
        var observed = [Int](repeating: 0, count: 26)
        for c in letters { observed[Int(Token.shifted(index: c, by: -key))] += 1 }
        let n = Double(letters.count)
        var chi2 = 0.0
        for (count, p) in zip(observed, probabilities) {
            let expected = n * p
            chi2 += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        return chi2
    }

    public func logLikelihood(fromStatistic statistic: Double) -> Double {
        -statistic / 2
    }
}
