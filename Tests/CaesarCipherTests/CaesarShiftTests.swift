import Testing

@testable import CaesarCipher

@Suite struct CaesarShiftTests {
    @Test func textbookVectors() {
        #expect(CaesarShift(key: 3).apply(to: "Hello, World!") == "Khoor, Zruog!")
        #expect(CaesarShift(key: 3).apply(to: "xyz XYZ") == "abc ABC")
        #expect(CaesarShift.rot13.apply(to: "Why did the chicken cross the road?") == "Jul qvq gur puvpxra pebff gur ebnq?")
    }

    @Test func anyIntegerKeyWorksModulo26() {
        #expect(CaesarShift(key: -3).apply(to: "Khoor") == "Hello")
        #expect(CaesarShift(key: 29).key == 3)
        #expect(CaesarShift(key: -29).key == 23)
        #expect(CaesarShift(key: Int.min).key == ((Int.min % 26) + 26) % 26)
    }

    @Test func nonASCIIIsUntouchedAndStaysValid() {
        let text = "Ça déjà vu — 𝄞 ﬁn Straße"
        let shifted = CaesarShift(key: 5).apply(to: text)
        #expect(shifted == "Çf iéoà az — 𝄞 ﬁs Xywfßj")
        #expect(CaesarShift(key: 5).inverse.apply(to: shifted) == text)
    }
}
