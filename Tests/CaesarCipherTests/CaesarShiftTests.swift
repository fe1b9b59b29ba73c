import Testing

@testable import CaesarCipher

@Suite struct CaesarShiftTests {
    @Test func textbookVectors() {
        #expect(CaesarShift(key: 3).apply(to: "Hello, World!") == "Khoor, Zruog!")
        #expect(CaesarShift(key: 3).apply(to: "xyz XYZ") == "abc ABC")
        #expect(CaesarShift(key: 0).apply(to: "Unchanged.") == "Unchanged.")
        #expect(CaesarShift.rot13.apply(to: "Why did the chicken cross the road?") == "Jul qvq gur puvpxra pebff gur ebnq?")
        #expect(CaesarShift.rot13.apply(to: CaesarShift.rot13.apply(to: "Round trip")) == "Round trip")
    }

    @Test func anyIntegerKeyWorksModulo26() {
        #expect(CaesarShift(key: -3).apply(to: "Khoor") == "Hello")
        #expect(CaesarShift(key: 29).key == 3)
        #expect(CaesarShift(key: -29).key == 23)
        #expect(CaesarShift(key: Int.min).key == ((Int.min % 26) + 26) % 26)
        #expect(CaesarShift(key: 3).inverse == CaesarShift(key: 23))
    }

    @Test(arguments: [
        ("3", 3), ("-3", 23), ("+29", 3), ("0", 0), ("-0", 0),
        ("100000000000000000000000000", 22),  // 10^26 mod 26 = 22
        ("-100000000000000000000000000", 4),
        ("9223372036854775808", 8),  // Int.max + 1: 2^63 mod 26 = 8
    ] as [(String, Int)])
    func decimalKeysOfAnyLengthParse(text: String, key: Int) {
        #expect(CaesarShift(parsing: text)?.key == key)
    }

    @Test(arguments: ["", "-", "+", "3.5", "three", "0x10", " 3", "3 ", "--3", "٣"])
    func nonIntegersDoNotParse(text: String) {
        #expect(CaesarShift(parsing: text) == nil)
    }

    @Test func nonASCIIIsUntouchedAndStaysValid() {
        let text = "Ça déjà vu — 𝄞 ﬁn Straße"
        let shifted = CaesarShift(key: 5).apply(to: text)
        #expect(shifted == "Çf iéoà az — 𝄞 ﬁs Xywfßj")
        #expect(CaesarShift(key: 5).inverse.apply(to: shifted) == text)
    }

    /// The SIMD path against the table reference: every byte value, every key, and lengths
    /// that end inside a vector so the scalar tail runs too.
    @Test func fastPathEqualsTheReferenceOnEveryByteAndKey() {
        let bytes: [UInt8] = (0..<771).map { UInt8(truncatingIfNeeded: $0) }  // every value three times, and then some
        for key in 0..<26 {
            let shift = CaesarShift(key: key)
            for count in [0, 1, 31, 32, 33, 64, 100, bytes.count] {
                var fast = [UInt8](repeating: 0, count: count)
                var reference = [UInt8](repeating: 0, count: count)
                bytes.withUnsafeBufferPointer { source in
                    fast.withUnsafeMutableBufferPointer { shift.apply(source.baseAddress!, into: $0.baseAddress!, count: count) }
                    reference.withUnsafeMutableBufferPointer { shift.applyReference(source.baseAddress!, into: $0.baseAddress!, count: count) }
                }
                #expect(fast == reference, "key \(key), \(count) bytes")
            }
        }
    }

    @Test func bytesThatAreNotUTF8PassThroughApartFromLetters() {
        #expect(CaesarShift(key: 1).apply(to: [0xFF, 0x61, 0x00, 0x5A, 0xC3]) == [0xFF, 0x62, 0x00, 0x41, 0xC3])
    }
}
