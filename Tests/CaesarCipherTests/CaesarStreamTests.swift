import CaesarIO
import Foundation
import Testing

@testable import CaesarCipher

@Suite struct CaesarStreamTests {
    /// Multi-byte characters and letters on every side of small chunk boundaries.
    static let text = String(repeating: "Où est la plage? Ça va — très bien, Zoë! 𝄞 Xylophone.\n", count: 40)

    func withFile<T>(_ contents: String, _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "caesar-stream-\(UUID().uuidString).txt"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test(arguments: [4, 7, 64, 1 << 20])
    func shiftingInChunksEqualsShiftingAtOnce(chunkSize: Int) throws {
        let output = try withFile(Self.text) { path in
            var output: [UInt8] = []
            try CaesarStream.shift(try TextInput(.file(path: path)), by: CaesarShift(key: 11), chunkSize: chunkSize) { output += $0 }
            return output
        }
        #expect(output == Array(CaesarShift(key: 11).apply(to: Self.text).utf8))
    }

    @Test(arguments: [5, 13, 1 << 20])
    func crackDecidesFromThePrefixThenStreamsEverything(chunkSize: Int) throws {
        let ciphertext = CaesarShift(key: 19).apply(to: Self.text)
        let cracker = Cracker(method: .quadgram, statistics: try .english())
        var decisions = 0
        var prefixSeen: [UInt8] = []
        let (ranking, output) = try withFile(ciphertext) { path in
            var output: [UInt8] = []
            let ranking = try CaesarStream.crack(
                try TextInput(.file(path: path)), with: cracker, prefix: .init(letters: 30), chunkSize: chunkSize,
                decided: { _, prefix in
                    decisions += 1
                    prefixSeen = prefix
                    #expect(output.isEmpty)  // nothing is emitted before the decision
                }, emit: { output += $0 })
            return (ranking, output)
        }
        #expect(decisions == 1)
        #expect(ranking.best.key == 19)
        #expect(ranking.lettersScored == 30)
        #expect(Letters.indices(in: prefixSeen).count >= 30)
        #expect(prefixSeen.count < 1 << 20 || chunkSize == 1 << 20)
        #expect(output == Array(Self.text.utf8))
    }

    @Test func aByteLimitEndsTheSearchForLetters() throws {
        let text = String(repeating: "1234567890 ", count: 100) + "Wkh hqg"
        let cracker = Cracker(method: .quadgram, statistics: try .english())
        _ = try withFile(text) { path in
            // 16-byte chunks against a 64-byte limit: the decision comes after four chunks.
            #expect(throws: CipherError.noLetters(source: "file '\(path)'", scannedBytes: 64)) {
                try CaesarStream.crack(try TextInput(.file(path: path)), with: cracker, prefix: .init(letters: 10, bytes: 64), chunkSize: 16,
                                       decided: { _, _ in }, emit: { _ in })
            }
        }
    }

    @Test func noLettersAtAllIsAnErrorAndNothingIsEmitted() throws {
        let cracker = Cracker(method: .quadgram, statistics: try .english())
        var emitted = 0
        #expect(throws: CipherError.noLetters(source: "the text arguments", scannedBytes: nil)) {
            try CaesarStream.crack(try TextInput(.text("42 — 17")), with: cracker, decided: { _, _ in }, emit: { emitted += $0.count })
        }
        #expect(emitted == 0)
    }

    @Test func emptyInputShiftsToNothing() throws {
        var output: [UInt8] = []
        try CaesarStream.shift(try TextInput(.text("")), by: CaesarShift(key: 3)) { output += $0 }
        #expect(output.isEmpty)
    }
}
