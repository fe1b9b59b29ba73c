import Testing

@testable import CaesarCipher

@Suite struct CipherErrorTests {
    @Test(arguments: [
        CipherError.noLetters(source: "standard input", scannedBytes: nil),
        .noLetters(source: "standard input", scannedBytes: 16_777_216),
        .malformedNgrams(source: "'fr.ngrams'", line: 3, problem: "'Z' is not 1 lowercase letters a–z"),
        .emptyCorpus(source: "file 'empty.txt'"),
        .corpusTooShort(letters: 3, needed: 5),
    ])
    func messagesAreOneLineWithAHint(error: CipherError) {
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("; hint: "))
    }

    @Test func messagesNameTheOffendingThing() {
        #expect(CipherError.noLetters(source: "standard input", scannedBytes: 64).description.hasPrefix("no letters A–Z in the first 64 bytes of standard input"))
        #expect(CipherError.malformedNgrams(source: "'fr.ngrams'", line: 3, problem: "bad").description.hasPrefix("malformed n-gram statistics in 'fr.ngrams' at line 3: bad; hint:"))
    }
}
