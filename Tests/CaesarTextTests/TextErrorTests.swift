import Testing

@testable import CaesarText

@Suite struct TextErrorTests {
    @Test func messagesAreOneLineWithAHint() {
        let errors: [TextError] = [
            .icuFailure(operation: "open the transliterator 'Latin-ASCII'", status: "U_INVALID_ID"),
            .textTooLong(bytes: 5_000_000_000, limit: 2_147_483_647),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains("; hint: "))
        }
        #expect(errors[1].description == "the text has 5000000000 bytes, more than the pipeline encodes at once (2147483647); "
            + "hint: encode it in parts, or use CorpusEncoder for a token stream without a record")
    }

    @Test func anUnknownTransliteratorIsAnICUFailure() {
        #expect(throws: TextError.icuFailure(operation: "open the transliterator 'No-Such-Thing'", status: "U_INVALID_ID")) {
            try Transliterator("No-Such-Thing")
        }
    }

    @Test func tooLongTextIsRefusedBeforeICUSeesIt() throws {
        // A fake buffer: only its count is read before the check throws.
        let byte: [UInt8] = [0]
        byte.withUnsafeBufferPointer { real in
            let huge = UnsafeBufferPointer(start: real.baseAddress, count: TextPipeline.maximumBytes + 1)
            #expect(throws: TextError.textTooLong(bytes: TextPipeline.maximumBytes + 1, limit: TextPipeline.maximumBytes)) {
                try SentenceBreaker(locale: "en").boundaries(in: huge)
            }
        }
    }
}
