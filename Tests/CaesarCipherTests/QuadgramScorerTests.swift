import Foundation
import Testing

@testable import CaesarCipher

@Suite struct QuadgramScorerTests {
    @Test func theScoreIsTheSumOverWindowsOfFour() {
        let scorer = QuadgramScorer(SmallStatistics.statistics)
        // "bcdea" with key 1 is "abcdz": abcd (4/14) and bcdz (unseen: 0.01/14).
        #expect(scorer.statistic(of: [1, 2, 3, 4, 0], decryptedWith: 1) == (log(4.0) - log(14.0)) + (log(0.01) - log(14.0)))
    }

    @Test func fewerThanFourLettersFallBackToLetterFrequencies() {
        let scorer = QuadgramScorer(SmallStatistics.statistics)
        #expect(scorer.statistic(of: [0, 1, 2], decryptedWith: 0) == 2 * (log(6.0) - log(20.0)) + (log(4.0) - log(20.0)))
    }
}
