import PropertyBased
import Testing

@testable import CaesarText

@Suite struct TextDecoderTests {
    @Test func indicesBecomeTextWithSpacesBetweenWordsAndSentences() {
        #expect(TextDecoder.decode(indices: [28, 7, 8, 29, 28, 24, 14, 26, 29]) == "hi yo.")
        #expect(TextDecoder.decode(indices: [0, 27, 25, 26, 30, 30]) == "a z.")
        #expect(TextDecoder.decode(indices: []) == "")
        #expect(TextDecoder.decode(indices: [28, 29]) == "")
    }

    @Test func probabilityRowsDecodeByTheirMaximum() {
        var values = [Float](repeating: 0.01, count: 3 * Token.count)
        values[0 * Token.count + 28] = 0.9  // [start]
        values[1 * Token.count + 2] = 0.5  // c
        values[1 * Token.count + 3] = 0.4
        values[2 * Token.count + 29] = 0.7  // [end]
        let rows = TokenMatrix(rows: 3, columns: Token.count, values: values)
        #expect(TextDecoder.argmax(rows) == [28, 2, 29])
        #expect(TextDecoder.decode(probabilities: rows) == "c")
    }

    @Test func argmaxTakesTheFirstMaximumAndNeverNaN() {
        var values = [Float](repeating: 0, count: 2 * Token.count)
        values[4] = 1
        values[9] = 1  // a tie: the first wins
        for j in 0..<Token.count { values[Token.count + j] = .nan }
        values[Token.count + 5] = -3  // the only number in a row of NaN
        #expect(TextDecoder.argmax(TokenMatrix(rows: 2, columns: Token.count, values: values)) == [4, 5])
        let allNaN = TokenMatrix(rows: 1, columns: Token.count, values: .init(repeating: .nan, count: Token.count))
        #expect(TextDecoder.argmax(allNaN) == [0])
    }

    /// Decoding is the exact reverse of stages a–c when the text is one sequence.
    @Test func decodingReversesTheFilteredText() async throws {
        let pipeline = try TextPipeline(options: .init(sentences: .none))
        await propertyCheck(count: 200, input: TestTexts.unicodeStrings) { text in
            let encoding = try pipeline.encode(text)
            #expect(TextDecoder.decode(indices: encoding.indices) == pipeline.filter(pipeline.normalize(text)))
            #expect(TextDecoder.decode(probabilities: encoding.oneHot()) == TextDecoder.decode(indices: encoding.indices))
        }
    }
}
