import Foundation
import PropertyBased
import Testing

@testable import CaesarText

@Suite struct RestorationRecordTests {
    let pipeline: TextPipeline

    init() throws {
        pipeline = try TextPipeline()
    }

    /// Encodes `text`, shifts every letter token by `key`, and restores.
    private func restoredShifted(_ text: String, by key: Int) throws -> String {
        let encoding = try pipeline.encode(text)
        return encoding.record.restore(encoding.tokens.map { $0.shifted(by: key) })
    }

    @Test func unchangedTokensGiveTheInputBack() throws {
        for text in ["Où, 3 fois?", "Hello,\u{A0}World!\r\n", "", "   ", "漢字 👍🏽", "e\u{301}\u{301}", "\u{0}\u{FEFF}a"] {
            let encoding = try pipeline.encode(text)
            #expect(encoding.record.restore(indices: encoding.indices) == text)
            #expect(encoding.record.tokenCount == encoding.indices.count)
        }
    }

    @Test func documentedExampleOfNewLetters() throws {
        let encoding = try pipeline.encode("Où, 3 fois?")
        let x = Token.letter(23), y = Token.letter(24)
        #expect(encoding.record.restore([.start, x, y, .separator, .letter(25), .letter(0), .letter(1), .letter(2), .end])
            == "Xy, 3 zabc?")
    }

    @Test func newLettersKeepTheOriginalCaseAndEverythingAround() throws {
        #expect(try restoredShifted("Hello, World! 42 times.", by: 1) == "Ifmmp, Xpsme! 42 ujnft.")
        #expect(try restoredShifted("Wkh vhd lv qrw dv ghhs dv brx wklqn.", by: -3) == "The sea is not as deep as you think.")
        #expect(try restoredShifted("  tabs\tand\u{3000}spaces  ", by: 13) == "  gnof\tnaq\u{3000}fcnprf  ")
    }

    @Test func accentedLettersComeBackOnlyWhenUnchanged() throws {
        // é is unchanged (shift 0 on it), the others move.
        let encoding = try pipeline.encode("Café")
        var tokens = encoding.tokens
        tokens[1] = tokens[1].shifted(by: 1)  // C → D
        #expect(encoding.record.restore(tokens) == "Dafé")
        tokens[4] = .letter(1)  // é → b: the accent does not move to the new letter
        #expect(encoding.record.restore(tokens) == "Dafb")
        // Decomposed accents behave the same: the mark belongs to its letter.
        let decomposed = try pipeline.encode("Cafe\u{301}")
        #expect(decomposed.record.restore(tokens) == "Dafb")
        #expect(decomposed.record.restore(indices: decomposed.indices) == "Cafe\u{301}")
    }

    @Test func multiLetterFoldsComeBackWholeOrAsPlainLetters() throws {
        #expect(try restoredShifted("Straße", by: 0) == "Straße")
        #expect(try restoredShifted("Straße", by: 1) == "Tusbttf")  // ß → s s → t t
        #expect(try restoredShifted("STRAẞE", by: 1) == "TUSBTTF")  // ẞ is uppercase: TT
        #expect(try restoredShifted("Æther", by: 1) == "BFuifs")  // Æ → a e → BF
        #expect(try restoredShifted("ǅemal", by: 1) == "Eafnbm")  // titlecase ǅ → d z → Ea
        let encoding = try pipeline.encode("Straße")
        var tokens = encoding.tokens
        tokens[6] = .letter(25)  // [start] s t r a s s e: only the second s of ß changes
        #expect(encoding.record.restore(tokens) == "Strasze")
    }

    @Test func changedStructureTokensAreWrittenPlainly() throws {
        let encoding = try pipeline.encode("ab  cd")
        var tokens = encoding.tokens  // [start] a b [sep] c d [end]
        tokens[3] = .period
        tokens[0] = .letter(25)
        tokens[6] = .pad
        #expect(encoding.record.restore(tokens) == "zab.cd")
    }

    // MARK: - Every valid UTF-8 input

    @Test func randomUnicodeRoundTripsByteForByte() async throws {
        for splitting in TextPipelineEncodeTests.splittings {
            let pipeline = try TextPipeline(options: .init(sentences: splitting))
            await propertyCheck(count: 300, input: TestTexts.unicodeStrings) { text in
                let encoding = try pipeline.encode(text)
                #expect(Array(encoding.record.restore(indices: encoding.indices).utf8) == Array(text.utf8))
            }
        }
    }

    /// Same shape, new letters: encoding the restored text gives exactly the new tokens.
    @Test func restoredTextEncodesToTheNewTokens() async throws {
        let whole = try TextPipeline(options: .init(sentences: .none))
        await propertyCheck(count: 300, input: zip(TestTexts.unicodeStrings, Gen.int(in: 1...25))) { text, key in
            let shifted = try whole.encode(text).tokens.map { $0.shifted(by: key) }
            let restored = try whole.encode(text).record.restore(shifted)
            #expect(try whole.encode(restored).tokens == shifted)
        }
    }

    @Test(arguments: TestTexts.ownCorpora)
    func ownCorporaRoundTrip(name: String) throws {
        let text = try TestTexts.corpus(name)
        let encoding = try pipeline.encode(text)
        #expect(encoding.record.restore(indices: encoding.indices) == text)
        #expect(encoding.sentences.count > 10)
    }

    @Test(.enabled(if: TestTexts.debianTextsInstalled, "needs Debian packages bible-kjv, bible-kjv-text and dict-devil (.ci/setup --tests)"))
    func bigBooksRoundTrip() throws {
        let books = TestTexts.debianBooks
        try #require(!books.isEmpty, "Corpora/build-debian-corpora.sh did not build the books")
        for file in books {
            let text = try String(contentsOf: file, encoding: .utf8)
            let encoding = try pipeline.encode(text)
            #expect(encoding.record.restore(indices: encoding.indices) == text, "\(file.lastPathComponent)")
        }
    }
}

@Suite struct ShiftedByCipherTests {
    let pipeline: TextPipeline

    init() throws {
        pipeline = try TextPipeline(options: .init(sentences: .none))
    }

    /// Only letters written as ASCII letters move under the cipher: accents and ligatures are
    /// plaintext inside a ciphertext.
    @Test func onlyASCIILettersAreShifted() throws {
        let encoding = try pipeline.encode("Où été, ﬁn Straße.")
        // [start] o u [sep] e t e [sep] f i n [sep] s t r a s s e . [end]
        #expect(encoding.record.shiftedByCipher == [
            false, true, false, false, false, true, false, false, false, false, true, false, true, true, true, true, false, false,
            true, false, false,
        ])
    }

    /// A letter with combining accents after it is an ASCII letter to the cipher.
    @Test func aDecomposedAccentMovesWithItsLetter() throws {
        let encoding = try pipeline.encode("e\u{301}te\u{301}")
        #expect(encoding.record.shiftedByCipher == [false, true, true, true, false])
    }

    /// Whatever the text, the flags are exactly the letters the byte-level cipher changes.
    @Test func theFlagsAreWhatTheCipherMoves() throws {
        for text in ["Hello, World!", "Œuvre — 3 €", "Ünïcödé ÀÉÎ ok", "ǅemal İstanbul", "a\u{0300}b\u{0301}"] {
            let plain = try pipeline.encode(text)
            let shifted = String(decoding: text.utf8.map { b -> UInt8 in
                if b >= 97 && b <= 122 { return 97 + (b - 97 + 1) % 26 }
                if b >= 65 && b <= 90 { return 65 + (b - 65 + 1) % 26 }
                return b
            }, as: UTF8.self)
            let cipher = try pipeline.encode(shifted)
            let moved = zip(plain.indices, cipher.indices).map { $0 != $1 }
            #expect(moved == plain.record.shiftedByCipher, "\(text)")
        }
    }
}
