import Foundation
import Testing

@testable import CaesarCipher

@Suite struct CrackerTests {
    static let plaintext = "The secret meeting is at dawn by the river, where the old mill stands."

    @Test(arguments: ScoringMethod.allCases)
    func everyMethodCracksASentence(method: ScoringMethod) throws {
        let cracker = Cracker(method: method, statistics: try .english())
        for key in [0, 3, 13, 25] {
            let ciphertext = CaesarShift(key: key).apply(to: Self.plaintext)
            let ranking = try cracker.rank(ciphertext, source: "test")
            #expect(ranking.best.key == key, "\(method) key \(key)")
            #expect(ranking.candidates.count == 26)
            #expect(Set(ranking.candidates.map(\.key)) == Set(0..<26))
            #expect(ranking.lettersScored == 55)
        }
    }

    @Test func posteriorsSumToOneAndFollowTheRanking() throws {
        let ranking = try Cracker(method: .bigram, statistics: try .english()).rank("Wkh fdw", source: "test")
        let posteriors = ranking.candidates.map(\.posterior)
        #expect(abs(posteriors.reduce(0, +) - 1) < 1e-12)
        #expect(posteriors == posteriors.sorted(by: >))
        #expect(ranking.best.key == 3)
    }

    @Test func theRankingIsASoftmaxOfLogLikelihoodsWithTiesInKeyOrder() {
        var logLikelihoods = [Double](repeating: 0, count: 26)
        logLikelihoods[5] = log(2.0)  // twice as likely as each of the other 25
        let ranking = KeyRanking(method: "unigram", statistics: logLikelihoods, logLikelihoods: logLikelihoods, lettersScored: 1)
        #expect(ranking.best.key == 5)
        #expect(abs(ranking.best.posterior - 2.0 / 27.0) < 1e-15)
        #expect(ranking.candidates.dropFirst().map(\.key) == Array(0..<5) + Array(6..<26))
    }

    @Test func chiSquaredRanksLowestFirstAndReportsItsOwnNumber() throws {
        let ranking = try Cracker(method: .chi2, statistics: try .english()).rank(CaesarShift(key: 7).apply(to: Self.plaintext), source: "test")
        #expect(ranking.best.key == 7)
        let scores = ranking.candidates.map(\.score)
        #expect(scores == scores.sorted())  // χ² is lower-is-better
        #expect(scores[0] > 0)
    }

    @Test func aPrefixLimitsTheLettersScored() throws {
        let ranking = try Cracker(method: .quadgram, statistics: try .english()).rank(Self.plaintext, source: "test", prefixLetters: 10)
        #expect(ranking.lettersScored == 10)
    }

    @Test func textWithoutLettersIsAnError() throws {
        let cracker = Cracker(method: .quadgram, statistics: try .english())
        #expect(throws: CipherError.noLetters(source: "the input", scannedBytes: nil)) {
            try cracker.rank("1234 — ... ©", source: "the input")
        }
        #expect(throws: CipherError.noLetters(source: "the input", scannedBytes: nil)) {
            try cracker.rank("", source: "the input")
        }
    }
}
