import Testing

import CaesarIO

@Suite struct DisplayTextTests {
    @Test func invisibleAndCursorMovingCharactersAreEscaped() {
        #expect(DisplayText.quoted("a\u{A0}b\n") == #""a\u{A0}b\n""#)
        #expect(DisplayText.quoted("tab\tcr\r\u{0}\u{1B}\u{7F}") == #""tab\tcr\r\u{0}\u{1B}\u{7F}""#)
        #expect(DisplayText.quoted("\u{202E}rtl\u{200D}\u{FEFF}\u{2028}") == #""\u{202E}rtl\u{200D}\u{FEFF}\u{2028}""#)
        #expect(DisplayText.quoted(#"say "hi" \o/"#) == #""say \"hi\" \\o/""#)
    }

    @Test func visibleTextStaysAsItIs() {
        #expect(DisplayText.quoted("Œuvre, café — 3 €! 漢字 👍🏽 e\u{301}") == "\"Œuvre, café — 3 €! 漢字 👍🏽 e\u{301}\"")
        #expect(DisplayText.quoted("") == "\"\"")
    }
}
