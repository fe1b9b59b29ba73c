import Testing

@testable import CaesarCipher

@Suite struct LettersTests {
    @Test func lettersAreCaseFoldedAndEverythingElseSkipped() {
        #expect(Letters.indices(in: "Hi, Zoë!") == [7, 8, 25, 14])
        #expect(Letters.indices(in: "AZaz@[`{") == [0, 25, 0, 25])
        #expect(Letters.indices(in: "123 — …") == [])
        #expect(Letters.indices(in: "") == [])
    }

    @Test func everyByteOutsideTheTwoAlphabetsHasNoIndex() {
        let letters = (0...255).filter { Letters.index(of: UInt8($0)) != nil }
        #expect(letters == Array(65...90) + Array(97...122))
    }

    @Test func aLimitStopsCollecting() {
        #expect(Letters.indices(in: "abc def", limit: 4) == [0, 1, 2, 3])
        #expect(Letters.indices(in: Array("xyz".utf8), limit: 0) == [])
    }
}
