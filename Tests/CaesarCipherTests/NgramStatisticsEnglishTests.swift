import Testing

@testable import CaesarCipher

@Suite struct NgramStatisticsEnglishTests {
    @Test func theBuiltInStatisticsParseAndSayHowTheyWereBuilt() throws {
        let english = try NgramStatistics.english()
        #expect(english.unigrams.total == 5_445_926)
        #expect(english.unigrams.entries == 26)
        #expect(english.quadgrams.minCount == 10)
        #expect(english.quadgrams.entries == 36_575)
        #expect(english.notes.contains { $0.hasPrefix("Built with: caesar ngrams build --min-count 10") })
        #expect(english.notes.contains { $0.hasPrefix("Held out for measurement") })
        // Every scorer calibrated on text none of the statistics came from, and the notes say how.
        #expect(Set(english.temperatures.keys) == Set(ScoringMethod.allCases))
        for method in ScoringMethod.allCases {
            #expect(english.notes.contains { $0.hasPrefix("Calibrated with: caesar calibrate --method \(method.rawValue) ") })
        }
    }

    @Test func englishLooksLikeEnglish() throws {
        let english = try NgramStatistics.english()
        let letters = english.unigrams.counts
        #expect(letters.firstIndex(of: letters.max()!) == 4)  // e
        let quadgrams = english.quadgrams.counts
        #expect(NgramStatistics.letters(of: quadgrams.firstIndex(of: quadgrams.max()!)!, order: 4) == "that")
    }
}
