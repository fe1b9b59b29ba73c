import Testing

@testable import CaesarText

@Suite struct ICUTests {
    @Test func versionIsDebiansICU() {
        #expect(ICU.version.split(separator: ".").count >= 2)
    }

    @Test func caseMappingAndDecompositionAreICUs() throws {
        #expect(String(decoding: try ICU.lowercased(Array("İSTANBUL ẞ".utf16)), as: UTF16.self) == "i\u{307}stanbul ß")
        #expect(String(decoding: try ICU.nfkd(Array("éﬁ²".utf16)), as: UTF16.self) == "e\u{301}fi2")
        #expect(try ICU.lowercased([]).isEmpty)
    }

    @Test func latinASCIIHandlesWhatNFKDLeaves() throws {
        let latin = try Transliterator("Latin-ASCII")
        #expect(String(decoding: try latin.apply(Array("ßæøłþ".utf16)), as: UTF16.self) == "ssaeolth")
        #expect(String(decoding: try latin.apply(Array("ωд".utf16)), as: UTF16.self) == "ωд")  // other scripts stay
    }

    @Test func whiteSpaceIsUnicodesProperty() {
        #expect(ICU.isWhiteSpace("\u{A0}"))
        #expect(ICU.isWhiteSpace("\u{3000}"))
        #expect(!ICU.isWhiteSpace("\u{200B}"))  // zero width space is a format character
        #expect(!ICU.isWhiteSpace("\u{1F}"))
    }
}
