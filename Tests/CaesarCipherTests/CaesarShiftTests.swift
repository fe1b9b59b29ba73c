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

    // MARK: - Other alphabets

    /// ROT47's published example, and its own inverse.
    @Test func rot47MovesEveryPrintableCharacter() {
        #expect(CaesarShift.rot47.apply(to: "Hello, World! 123") == "w6==@[ (@C=5P `ab")
        #expect(CaesarShift.rot47.apply(to: "w6==@[ (@C=5P `ab") == "Hello, World! 123")
        #expect(CaesarShift.rot47.apply(to: "a b\tc é") == "2 3\t4 é")  // space, tab and non-ASCII stay
        #expect(CaesarShift(key: -47, alphabet: .printable) == CaesarShift.rot47)
    }

    /// Digits move by the key mod 10 along with the letters; the key is kept mod 130 so that the
    /// inverse moves the digits back too.
    @Test func digitsMoveWithTheLetters() {
        let shift = CaesarShift(key: 13, alphabet: .lettersAndDigits)
        #expect(shift.apply(to: "Room 101, 9pm") == "Ebbz 434, 2cz")
        #expect(shift.inverse.apply(to: "Ebbz 434, 2cz") == "Room 101, 9pm")
        #expect(CaesarShift(key: 29, alphabet: .lettersAndDigits).apply(to: "a0") == "d9")  // 29 = 3 mod 26, 9 mod 10
        #expect(CaesarShift(parsing: "-1", alphabet: .lettersAndDigits)?.key == 129)
        #expect(CaesarShift(parsing: "1000", alphabet: .printable)?.key == 1000 % 94)
    }

    @Test func otherAlphabetsTakeTheTablePath() {
        let bytes: [UInt8] = (0..<256).map(UInt8.init)
        for shift in [CaesarShift.rot47, CaesarShift(key: 7, alphabet: .lettersAndDigits)] {
            var fast = bytes, reference = bytes
            bytes.withUnsafeBufferPointer { source in
                fast.withUnsafeMutableBufferPointer { shift.apply(source.baseAddress!, into: $0.baseAddress!, count: 256) }
                reference.withUnsafeMutableBufferPointer { shift.applyReference(source.baseAddress!, into: $0.baseAddress!, count: 256) }
            }
            #expect(fast == reference)
            #expect(Set(fast).count == 256, "a rotation is a permutation of the bytes")
        }
    }
}
