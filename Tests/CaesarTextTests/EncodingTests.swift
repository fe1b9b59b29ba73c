import Testing

@testable import CaesarText

@Suite struct EncodingTests {
    @Test func tokensAndOneHotAreViewsOfTheIndices() throws {
        let encoding = try TextPipeline().encode("Hi. On!")
        #expect(encoding.tokens == [.start, .letter(7), .letter(8), .period, .end, .start, .letter(14), .letter(13), .end])
        #expect(encoding.tokens.map(\.index) == encoding.indices.map(Int.init))
        let oneHot = encoding.oneHot()
        #expect(oneHot == TokenMatrix.oneHot(encoding.indices))
        #expect(oneHot.rows == 9)
    }

    @Test func everySentenceIsWrappedAndTheyTileTheTokens() throws {
        let encoding = try TextPipeline().encode(try TestTexts.corpus("en-the-lighthouse-letters.txt"))
        var next = 0
        for sentence in encoding.sentences {
            #expect(sentence.lowerBound == next)
            #expect(encoding.indices[sentence.lowerBound] == 28)
            #expect(encoding.indices[sentence.upperBound - 1] == 29)
            let inside = encoding.indices[(sentence.lowerBound + 1)..<(sentence.upperBound - 1)]
            #expect(!inside.isEmpty)
            #expect(!inside.contains { $0 >= 28 })
            #expect(inside.first != 27 && inside.last != 27)  // no [sep] at the edges
            #expect(!zip(inside, inside.dropFirst()).contains { $0 == 27 && $1 == 27 })
            next = sentence.upperBound
        }
        #expect(next == encoding.indices.count)
    }
}
