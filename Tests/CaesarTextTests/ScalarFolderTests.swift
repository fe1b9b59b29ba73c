import Testing

@testable import CaesarText

@Suite struct ScalarFolderTests {
    let folder: ScalarFolder

    init() throws {
        folder = try ScalarFolder()
    }

    private func tokens(_ scalar: Unicode.Scalar) -> String {
        TextDecoder.decode(indices: folder.fold(scalar).tokens)
    }

    @Test(arguments: [
        ("é", "e"), ("É", "e"), ("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"), ("Æ", "ae"), ("Œ", "oe"), ("ø", "o"),
        ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("þ", "th"), ("ð", "d"), ("ı", "i"), ("İ", "i"), ("ĳ", "ij"),
        ("ǅ", "dz"), ("ŉ", "n"), ("ﬁ", "fi"), ("ﬃ", "ffi"), ("Ａ", "a"), ("𝐀", "a"), ("ᴬ", "a"), ("K", "k"),
        ("Å", "a"), ("ſ", "s"), (".", "."), ("．", "."), ("﹒", "."), ("․", "."), ("‥", ".."), ("…", "..."),
    ] as [(Unicode.Scalar, String)])
    func lettersFoldToASCII(scalar: Unicode.Scalar, expected: String) {
        let fold = folder.fold(scalar)
        #expect(fold.role == .content)
        #expect(tokens(scalar) == expected)
    }

    @Test(arguments: [
        "α", "Ω", "д", "漢", "ㄱ", "ש", "م", "ह", "ə", "ʃ",  // other scripts, Latin letters with no ASCII form
        "0", "9", "٣", "½", "Ⅻ", "①",  // digits and numbers
        "!", "?", ",", "'", "’", "«", "—", "-", "。", "،",  // punctuation other than '.'
        "€", "©", "™", "Ⓐ", "❤", "👍", "\u{1F3FD}", "\u{1F1EB}",  // symbols, emoji, skin tone, regional indicator
        "\u{0}", "\u{7}", "\u{1B}", "\u{1C}", "\u{1F}", "\u{7F}", "\u{FEFF}", "\u{200B}", "\u{200D}", "\u{AD}", "\u{E000}",
    ] as [Unicode.Scalar])
    func everythingElseIsDeleted(scalar: Unicode.Scalar) {
        #expect(folder.fold(scalar).role == .deleted)
        #expect(folder.fold(scalar).tokens.isEmpty)
    }

    @Test(arguments: [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ] as [Unicode.Scalar])
    func unicodeWhiteSpaceSeparates(scalar: Unicode.Scalar) {
        #expect(folder.fold(scalar).role == .whitespace)
    }

    @Test func combiningMarksAreMarksAndNormalizeAwayWhenNonspacing() {
        #expect(folder.fold("\u{301}").role == .mark)  // combining acute (Mn)
        #expect(folder.fold("\u{301}").normalized == "")
        #expect(folder.fold("\u{20DD}").role == .mark)  // enclosing circle (Me)
        #expect(folder.fold("\u{93F}").role == .mark)  // Devanagari vowel sign i (Mc)
        #expect(folder.fold("\u{93F}").normalized == "\u{93F}")
    }

    @Test func normalizedFormsAreWhatStageAShows() {
        #expect(folder.fold("Ω").normalized == "ω")  // lowercased, not transliterated
        #expect(folder.fold("ŉ").normalized == "'n")  // Latin-ASCII's apostrophe, removed by stage b
        #expect(folder.fold("Ⅻ").normalized == "ⅻ")  // lowercased, still a number
        #expect(folder.fold("€").normalized == "€")
    }

    @Test func caseIsRecordedForLetters() {
        #expect(folder.fold("É").letterCase == .upper)
        #expect(folder.fold("é").letterCase == .lower)
        #expect(folder.fold("ǅ").letterCase == .title)
        #expect(folder.fold("ª").letterCase == .lower)  // Lo
    }

    @Test func theCacheGivesWhatTheDefinitionComputes() throws {
        let scalars = TestTexts.hardPieces.flatMap(\.unicodeScalars) + (0x00..<0x250).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let first = folder.fold(scalar)  // computed and cached
            #expect(folder.fold(scalar) == first)  // from the cache
            #expect(try folder.compute(scalar) == first, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func asciiTableMatchesTheReferencePreprocessing() {
        // The PyTorch reference's encoder: a–z (after lowercasing) and '.' stay, " \t\n\r\v\f" are
        // whitespace, everything else (including FS, GS, RS, US) is deleted.
        for byte in UInt8(0)..<128 {
            let code = folder.asciiCodes[Int(byte)]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): #expect(code == byte - UInt8(ascii: "a"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): #expect(code == byte - UInt8(ascii: "A"))
            case UInt8(ascii: "."): #expect(code == 26)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: #expect(code == ScalarFolder.whitespaceCode)
            default: #expect(code == ScalarFolder.deletedCode, "byte \(byte)")
            }
        }
    }

    /// Every assigned, non-private scalar at once, each between two letters: stage b of stage
    /// a must agree with the folded tokens, so no scalar's normalized form smuggles in a
    /// letter, a period or a whitespace that its fold does not have.
    @Test func stagesAgreeWithTheFoldOnEveryAssignedScalar() throws {
        let scalars = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.properties.generalCategory != .unassigned && $0.properties.generalCategory != .privateUse
        }
        #expect(scalars.count > 150_000)
        var text = ""
        for scalar in scalars {
            text.unicodeScalars.append("a")
            text.unicodeScalars.append(scalar)
        }
        let pipeline = try TextPipeline(options: .init(sentences: .none))
        let corpus = try CorpusEncoder()
        let staged = pipeline.filter(pipeline.normalize(text))
        let indices = corpus.indices(of: text)
        if TextDecoder.decode(indices: indices) != staged {
            let culprits = scalars.filter {
                let one = "a\($0)a"
                return pipeline.filter(pipeline.normalize(one)) != TextDecoder.decode(indices: corpus.indices(of: one))
            }
            Issue.record("stage a + b disagree with the fold on \(culprits.prefix(20).map { "U+" + String($0.value, radix: 16, uppercase: true) })")
        }
        let encoding = try pipeline.encode(text)
        #expect(Array(encoding.indices.dropFirst().dropLast()) == indices)
        #expect(encoding.record.restore(indices: encoding.indices) == text)
    }
}
