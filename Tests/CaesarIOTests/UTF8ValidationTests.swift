import Testing

@testable import CaesarIO

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ("", nil),
        ("plain ASCII that is longer than eight bytes", nil),
        ("añb€𝄞 mixed ✓", nil),
    ] as [(String, Int?)])
    func validTextHasNoInvalidOffset(text: String, expected: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        ([0x61, 0xC3], 1),  // truncated 2-byte sequence
        ([0xC0, 0x80], 0),  // overlong NUL
        ([0xE0, 0x80, 0x80], 0),  // overlong 3-byte
        ([0xED, 0xA0, 0x80], 0),  // UTF-16 surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),  // impossible lead
        ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x80], 8),  // stray continuation after the fast path
        ([0xE2, 0x82, 0x41], 0),  // continuation missing
    ] as [([UInt8], Int)])
    func invalidBytesAreFoundAtTheirOffset(bytes: [UInt8], offset: Int) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
    }

    @Test func incompleteSuffixIsHeldBackOnlyWhenItCouldStillComplete() {
        func suffix(_ bytes: [UInt8]) -> Int {
            bytes.withUnsafeBufferPointer { UTF8Validation.incompleteSuffixLength(of: $0) }
        }
        #expect(suffix([]) == 0)
        #expect(suffix([0x61]) == 0)
        #expect(suffix([0x61, 0xE2]) == 1)
        #expect(suffix([0x61, 0xE2, 0x82]) == 2)
        #expect(suffix([0xF0, 0x9D, 0x84]) == 3)
        #expect(suffix([0xE2, 0x82, 0xAC]) == 0)  // complete €
        #expect(suffix([0xE0, 0x80]) == 0)  // can never complete: not held
    }
}
