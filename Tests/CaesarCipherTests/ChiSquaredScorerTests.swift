import Foundation
import Testing

@testable import CaesarCipher

@Suite struct ChiSquaredScorerTests {
    @Test func chiSquaredComparesCountsWithExpectedOnes() {
        let scorer = ChiSquaredScorer(SmallStatistics.statistics)
        // Plaintext "aabd" (ciphertext "bbce", key 1), n = 4. Expected counts: a, b 4·0.3 = 1.2;
        // c, d 4·0.2 = 0.8; the 22 unseen letters 4·0.01/20 = 0.002 each (observed 0).
        let expected = (2 - 1.2) * (2 - 1.2) / 1.2 + (1 - 1.2) * (1 - 1.2) / 1.2 + 0.8 + (1 - 0.8) * (1 - 0.8) / 0.8 + 22 * 0.002
        let chi2 = scorer.statistic(of: [1, 1, 2, 4], decryptedWith: 1)
        #expect(abs(chi2 - expected) < 1e-12)
    }

    @Test func theLogLikelihoodIsMinusHalfChiSquared() {
        let scorer = ChiSquaredScorer(SmallStatistics.statistics)
        #expect(scorer.logLikelihood(fromStatistic: 3) == -1.5)
    }
}
