import PropertyBased
import Testing

@testable import CaesarText

@Suite struct TextPipelineEncodeTests {
    static let splittings: [TextPipeline.SentenceSplitting] = [.standard, .periods, .none]

    @Test func encodingGivesIndicesAndSentenceRanges() throws {
        let encoding = try TextPipeline().encode("Hi! Mr. Li left.")
        #expect(encoding.indices == [28, 7, 8, 29, 28, 12, 17, 26, 27, 11, 8, 27, 11, 4, 5, 19, 26, 29])
        #expect(encoding.sentences == [0..<4, 4..<18])
        #expect(encoding.tokens.map(\.description).joined(separator: " ")
            == "[start] h i [end] [start] m r . [sep] l i [sep] l e f t . [end]")
    }

    /// The pieces the RestorationRecord documentation draws.
    @Test func piecesTileTheInputAndTheTokens() throws {
        let record = try TextPipeline().encode("Où, 3 fois?").record
        let text = Array("Où, 3 fois?".utf8)
        var byteStart = 0, tokenStart = 0
        var drawn: [String] = []
        for piece in record.pieces {
            let bytes = String(decoding: text[byteStart..<piece.byteEnd], as: UTF8.self)
            let tokens = record.indices[tokenStart..<piece.tokenEnd].map { Token.all[Int($0)].description }
            drawn.append("\(bytes.debugDescription)→\(tokens.joined(separator: " "))")
            (byteStart, tokenStart) = (piece.byteEnd, piece.tokenEnd)
        }
        #expect(drawn == [
            "\"\"→[start]", "\"O\"→o", "\"ù\"→u", "\",\"→", "\" \"→[sep]", "\"3 \"→", "\"fois\"→f o i s", "\"\"→[end]", "\"?\"→",
        ])
        #expect(record.pieces.map(\.shape) == [
            .unit(.lower), .asciiRun, .unit(.lower), .unit(.lower), .unit(.lower), .unit(.lower), .asciiRun, .unit(.lower), .unit(.lower),
        ])
    }

    @Test func whitespaceAtSentenceEdgesGivesNoSeparator() throws {
        let encoding = try TextPipeline().encode("  Hi there.  \n\n  Bye.\t")
        #expect(TextDecoder.decode(indices: encoding.indices) == "hi there. bye.")
        #expect(encoding.indices.filter { $0 == 27 }.count == 1)
    }

    @Test func combiningMarksJoinTheLetterBeforeThem() throws {
        let encoding = try TextPipeline().encode("Cafe\u{301}s")
        #expect(TextDecoder.decode(indices: encoding.indices) == "cafes")
        let lastLetter = encoding.record.pieces.first { $0.byteEnd == 6 }  // "e" + U+0301 end at byte 6
        #expect(lastLetter?.shape == .unit(.lower))
    }

    @Test func textBeyondTheMaximumIsRefusedBeforeAnythingIsRead() throws {
        let whole = try TextPipeline(options: .init(sentences: .none))  // no ICU: encode's own check
        let byte: [UInt8] = [0]
        byte.withUnsafeBufferPointer { real in
            let huge = UnsafeBufferPointer(start: real.baseAddress, count: TextPipeline.maximumBytes + 1)
            #expect(throws: TextError.textTooLong(bytes: TextPipeline.maximumBytes + 1, limit: TextPipeline.maximumBytes)) {
                try whole.encode(utf8: huge)
            }
        }
    }

    /// The ASCII fast path (table, runs, `[sep]` inside runs) against every scalar on the
    /// general path: the same tokens and sentences, and the same text restored from the
    /// original tokens and from shifted ones.
    @Test func asciiFastPathEqualsTheGeneralPath() async throws {
        for splitting in Self.splittings {
            let pipeline = try TextPipeline(options: .init(sentences: splitting))
            await propertyCheck(count: 150, input: Self.mixedText) { text in
                var text = text
                let (fast, naive) = try text.withUTF8 {
                    (try pipeline.encode(utf8: $0, asciiFastPath: true), try pipeline.encode(utf8: $0, asciiFastPath: false))
                }
                #expect(fast.indices == naive.indices)
                #expect(fast.sentences == naive.sentences)
                #expect(fast.record.restore(indices: fast.indices) == naive.record.restore(indices: naive.indices))
                let shifted = fast.tokens.map { $0.shifted(by: 7) }
                #expect(fast.record.restore(shifted) == naive.record.restore(shifted))
            }
        }
    }

    /// Mostly ASCII prose with some of everything: what the fast path is for.
    static let mixedText = Gen.int(in: 0...40).array(of: 0...30).map { choices in
        let words = ["The", "sea", "is", "not", "deep", ".", ". ", "Mr.", " ", "  ", "\n", ",", "!", "?", "e\u{301}", "Ça", "ß",
                     "\t", "don't", "U.S.", "...", "A", "z", "42", "—", "…", "\u{A0}", "x\u{308}\u{301}", "İ", "ǅ", "漢", "👍🏽"]
        return choices.map { $0 < words.count ? words[$0] : " " }.joined()
    }
}
