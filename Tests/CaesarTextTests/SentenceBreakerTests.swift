import Testing

@testable import CaesarText

@Suite struct SentenceBreakerTests {
    private func boundaries(_ text: String, locale: String = "en@ss=standard") throws -> [Int] {
        var text = text
        let breaker = try SentenceBreaker(locale: locale)
        return try text.withUTF8 { try breaker.boundaries(in: $0) }
    }

    @Test func boundariesAreUTF8ByteOffsetsAfterTheTrailingSpace() throws {
        #expect(try boundaries("Hi! Mr. Smith left. Yes") == [4, 20])
        #expect(try boundaries("Où? Là.") == [5])  // "Où? " is 5 bytes
        #expect(try boundaries("Hi!Yo") == [3])
    }

    @Test func abbreviationsNeedTheSuppressionLocale() throws {
        #expect(try boundaries("Mr. Smith left.", locale: "en") == [4])
        #expect(try boundaries("Mr. Smith left.") == [])
    }

    @Test func emptyAndBoundaryFreeTextHaveNone() throws {
        #expect(try boundaries("") == [])
        #expect(try boundaries("no terminator at all") == [])
    }

    @Test func aBreakerCanBeReused() throws {
        let breaker = try SentenceBreaker(locale: "en@ss=standard")
        for _ in 0..<3 {
            var text = "A. B. C."
            #expect(try text.withUTF8 { try breaker.boundaries(in: $0) } == [3, 6])
        }
    }
}
