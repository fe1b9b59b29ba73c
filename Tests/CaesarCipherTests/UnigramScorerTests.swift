import Foundation
import Testing

@testable import CaesarCipher

@Suite struct UnigramScorerTests {
    @Test func theScoreIsTheSumOfLetterLogProbabilities() {
        let scorer = UnigramScorer(SmallStatistics.statistics)
        // Ciphertext "bbe" with key 1 is "aad": 2·log(6/20) + log(4/20).
        let expected = 2 * (log(6.0) - log(20.0)) + (log(4.0) - log(20.0))
        #expect(scorer.statistic(of: [1, 1, 4], decryptedWith: 1) == expected)
        #expect(scorer.logLikelihood(fromStatistic: expected) == expected)
        // An unseen letter gets the floor count 0.01.
        #expect(scorer.statistic(of: [25], decryptedWith: 0) == log(0.01) - log(20.0))
    }
}
