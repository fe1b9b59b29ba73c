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

    @Test func aLineBreakAloneIsLayoutButABlankLineEndsASentence() throws {
        #expect(try boundaries("Hard wrapped\nline. Next\nline") == [19])  // after "line. "
        // ICU ends one sentence after each line break of a blank line (the empty "sentence"
        // between them gives no tokens).
        #expect(try boundaries("Title\n\nFirst paragraph") == [6, 7])
        #expect(try boundaries("Title\r\n \r\nText") == [7, 10])  // a blank line of spaces, CRLF
        #expect(try boundaries("One\r\ntwo\u{2028}three") == [])  // CRLF and U+2028 alone: layout
        #expect(try boundaries("One\u{2029}two") == [6])  // a paragraph separator ends one
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
