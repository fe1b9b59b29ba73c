import Foundation
import Testing

@testable import CaesarCipher

@Suite struct BigramScorerTests {
    @Test func theScoreIsTheSumOverConsecutivePairs() {
        let scorer = BigramScorer(SmallStatistics.statistics)
        // "cde" with key 2 is "abc": ab (6/18) and bc (4/18).
        #expect(scorer.statistic(of: [2, 3, 4], decryptedWith: 2) == (log(6.0) - log(18.0)) + (log(4.0) - log(18.0)))
        // "ba" with key 0: the pair ba was never seen.
        #expect(scorer.statistic(of: [1, 0], decryptedWith: 0) == log(0.01) - log(18.0))
    }

    @Test func oneLetterFallsBackToLetterFrequencies() {
        let scorer = BigramScorer(SmallStatistics.statistics)
        #expect(scorer.statistic(of: [3], decryptedWith: 3) == log(6.0) - log(20.0))
    }
}
