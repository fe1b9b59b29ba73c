import Foundation
import Testing

@testable import CaesarCipher

@Suite struct LetterScorerTests {
    @Test func slidingWindowsSumTheirLogProbabilities() {
        // A made-up table of order 2 where log P(pair) = first·26 + second, so sums are easy.
        let table = (0..<676).map(Double.init)
        // Ciphertext "bcd" decrypted with key 1 is "abc": pairs ab (1) and bc (28).
        #expect(slidingLogLikelihood(of: [1, 2, 3], decryptedWith: 1, order: 2, logProbabilities: table) == 29)
        // Key 0 leaves it: bc (28) and cd (55).
        #expect(slidingLogLikelihood(of: [1, 2, 3], decryptedWith: 0, order: 2, logProbabilities: table) == 83)
        // Wrapping: "a" decrypted with key 1 is "z".
        #expect(slidingLogLikelihood(of: [0], decryptedWith: 1, order: 1, logProbabilities: (0..<26).map(Double.init)) == 25)
        // Shorter than one window: nothing to sum.
        #expect(slidingLogLikelihood(of: [1], decryptedWith: 0, order: 2, logProbabilities: table) == 0)
    }

    @Test func methodsHaveTheirCommandLineNames() {
        #expect(ScoringMethod.allCases.map(\.rawValue) == ["quadgram", "bigram", "unigram", "chi2"])
        #expect(ScoringMethod.chi2.statisticName == "chi-squared")
        #expect(ScoringMethod.bigram.statisticName == "log-likelihood")
        #expect(ScoringMethod.quadgram.scorer(using: SmallStatistics.statistics) is QuadgramScorer)
        #expect(ScoringMethod.chi2.scorer(using: SmallStatistics.statistics) is ChiSquaredScorer)
    }
}
