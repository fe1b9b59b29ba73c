import Testing

@testable import CaesarText

@Suite struct TextPipelineTests {
    let pipeline: TextPipeline

    init() throws {
        pipeline = try TextPipeline()
    }

    private func rendered(_ sentences: [[Token]]) -> [String] {
        sentences.map { $0.map(\.description).joined(separator: " ") }
    }

    // MARK: a. normalize

    @Test(arguments: [
        ("Œuvre, café — 3 €!", "oeuvre, cafe — 3 €!"),
        ("Œuvre Straße ÆON ﬁn", "oeuvre strasse aeon fin"),
        ("Ωμέγα Ἀθῆναι", "ωμέγα ἀθῆναι"),
        ("Wait… ＯＫ．", "wait... ok."),
        ("e\u{301}te\u{301} A\u{30A}", "ete a"),  // decomposed accents go too
        ("İSTANBUL, Łódź, Ørsted, ǅemal", "istanbul, lodz, orsted, dzemal"),
        ("", ""),
        ("Tab\there\r\n", "tab\there\r\n"),
    ])
    func normalizeLowercasesAndFoldsLatinLetters(text: String, expected: String) {
        #expect(pipeline.normalize(text) == expected)
    }

    // MARK: b. filter

    @Test(arguments: [
        ("don't stop, 1 2 3 go!", "dont stop go"),
        ("well-known", "wellknown"),
        ("a , b", "a b"),
        ("  «ok» ... ", "ok ..."),
        ("\u{A0}no\u{A0}break\u{3000}ideographic\u{2028}line\u{2029}", "no break ideographic line"),
        ("tab\t\tand\nnewline", "tab and newline"),
        ("Capitals Are Not Letters Here", "apitals re ot etters ere"),  // filter expects normalized text
        ("", ""),
        ("   ", ""),
        ("!?", ""),
    ])
    func filterKeepsLettersAndPeriodsAndOneSpaceAGap(text: String, expected: String) {
        #expect(pipeline.filter(text) == expected)
    }

    @Test func unitSeparatorsAreNotWhitespaceAsInTheReference() {
        #expect(pipeline.filter("a\u{1C}b\u{1F}c") == "abc")
    }

    // MARK: c. tokenize

    @Test func icuSentencesKeepAbbreviationsTogetherAndEndAtBangAndQuestionMark() throws {
        #expect(try rendered(pipeline.tokenize("Hi! Mr. Li left. Did he? Yes")) == [
            "[start] h i [end]",
            "[start] m r . [sep] l i [sep] l e f t . [end]",
            "[start] d i d [sep] h e [end]",
            "[start] y e s [end]",
        ])
    }

    @Test func periodSentencesEndAfterARunOfPeriodsOnly() throws {
        let periods = try TextPipeline(options: .init(sentences: .periods))
        #expect(try rendered(periods.tokenize("Hi! Mr. Li left... Yes.")) == [
            "[start] h i [sep] m r . [end]",
            "[start] l i [sep] l e f t . . . [end]",
            "[start] y e s . [end]",
        ])
    }

    @Test func withoutSplittingTheWholeTextIsOneSequence() throws {
        let whole = try TextPipeline(options: .init(sentences: .none))
        #expect(try rendered(whole.tokenize("Hi! Mr. Li left.")) == ["[start] h i [sep] m r . [sep] l i [sep] l e f t . [end]"])
    }

    @Test func textWithoutLettersOrPeriodsGivesNoSentence() throws {
        #expect(try pipeline.tokenize("").isEmpty)
        #expect(try pipeline.tokenize("  123 !? 👍 ").isEmpty)
        #expect(try rendered(pipeline.tokenize("42! Go.")) == ["[start] g o . [end]"])
    }

    @Test func otherLocalesHaveTheirOwnAbbreviations() throws {
        let german = try TextPipeline(options: .init(sentences: .icu(locale: "de@ss=standard")))
        #expect(try german.tokenize("Das ist z.B. gut. Ja.").count == 2)
        let plain = try TextPipeline(options: .init(sentences: .icu(locale: "en")))
        #expect(try plain.tokenize("Mr. Li left.").count == 2)  // no suppressions: "Mr." ends one
    }
}
