import Testing

@testable import CaesarText

@Suite struct UTF8DecodingTests {
    private func decode(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [String] = []
            var i = 0
            while i < buffer.count {
                let (scalar, length) = UTF8Decoding.scalar(at: i, in: buffer.baseAddress!, count: buffer.count)
                result.append("U+\(String(scalar.value, radix: 16, uppercase: true))/\(length)")
                i += length
            }
            return result
        }
    }

    @Test func wellFormedSequencesDecodeWithTheirLength() {
        #expect(decode(Array("aé€𝄞".utf8)) == ["U+61/1", "U+E9/2", "U+20AC/3", "U+1D11E/4"])
    }

    @Test(arguments: [
        [0x80],  // stray continuation
        [0xC0, 0x80],  // overlong NUL (C0 is never a lead)
        [0xE0, 0x80, 0x80],  // overlong 3-byte form
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],  // cut short
        [0xFF],
    ] as [[UInt8]])
    func illFormedBytesBecomeOneReplacementEach(bytes: [UInt8]) {
        let decoded = decode(bytes)
        #expect(decoded.first == "U+FFFD/1")
        #expect(decoded.allSatisfy { $0 == "U+FFFD/1" || $0.hasSuffix("/1") })
    }
}
