import Foundation
import Testing

@testable import CaesarCipher

/// Statistics small enough to check by hand, shared by the scorer tests.
enum SmallStatistics {
    /// "abcdabcdab" twice as two documents: letters a ×6, b ×6, c ×4, d ×4 (20); bigrams
    /// ab ×6, bc ×4, cd ×4, da ×4 (18); quadgrams abcd ×4, bcda ×4, cdab ×4, dabc ×2 (14).
    static let statistics: NgramStatistics = {
        var counter = NgramCounter()
        counter.add("abcdabcdab")
        counter.endDocument()
        counter.add("ABCD abcd AB")
        return counter.statistics()
    }()
}

@Suite struct NgramStatisticsTests {
    @Test func probabilitiesAreRelativeFrequenciesWithAFloor() {
        let unigrams = SmallStatistics.statistics.unigrams
        let logP = unigrams.logProbabilities()
        #expect(logP.count == 26)
        #expect(logP[0] == log(6.0) - log(20.0))
        #expect(logP[3] == log(4.0) - log(20.0))
        #expect(logP[25] == log(0.01) - log(20.0))
        #expect(SmallStatistics.statistics.quadgrams.logProbabilities()[0 * 17576 + 1 * 676 + 2 * 26 + 3] == log(4.0) - log(14.0))
    }

    @Test func tablesKnowTheirSizeAndEntries() {
        #expect(NgramStatistics.size(of: 4) == 456_976)
        #expect(SmallStatistics.statistics.bigrams.entries == 4)
        #expect(SmallStatistics.statistics.table(order: 2) == SmallStatistics.statistics.bigrams)
    }

    @Test func indicesSpellBackToLetters() {
        #expect(NgramStatistics.letters(of: 0, order: 2) == "aa")
        #expect(NgramStatistics.letters(of: 19 * 17576 + 8 * 676 + 14 * 26 + 13, order: 4) == "tion")
        #expect(NgramStatistics.letters(of: 25, order: 1) == "z")
    }
}
