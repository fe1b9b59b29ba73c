import Foundation
import PropertyBased
import Testing

@testable import CaesarText

@Suite struct CorpusEncoderTests {
    let encoder: CorpusEncoder

    init() throws {
        encoder = try CorpusEncoder()
    }

    /// The PyTorch reference's encoder, line for line, for ASCII text:
    /// `preprocess` lowercases, keeps a–z and '.', turns " \t\n\r\v\f" into spaces, deletes the
    /// rest, then `" ".join(s.split())`; `encode` maps a–z to 0–25, '.' to 26, ' ' to 27.
    static func reference(_ text: String) -> [UInt8] {
        var kept = ""  // Python walks code points, so do we (Swift's "\r\n" is one Character)
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || scalar == "." {
                kept.unicodeScalars.append(scalar)
            } else if " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains(scalar) {
                kept += " "
            }
        }
        let preprocessed = kept.split(separator: " ").joined(separator: " ")
        return preprocessed.utf8.map { byte in
            byte == UInt8(ascii: ".") ? 26 : byte == UInt8(ascii: " ") ? 27 : byte - UInt8(ascii: "a")
        }
    }

    @Test func examples() {
        #expect(encoder.indices(of: "Hello, World! 42.") == [7, 4, 11, 11, 14, 27, 22, 14, 17, 11, 3, 27, 26])
        #expect(encoder.indices(of: "  don't\t\tstop  ") == [3, 14, 13, 19, 27, 18, 19, 14, 15])
        #expect(encoder.indices(of: "") == [])
        #expect(encoder.indices(of: " \n ") == [])
        #expect(encoder.indices(of: "Straße, café…") == [18, 19, 17, 0, 18, 18, 4, 27, 2, 0, 5, 4, 26, 26, 26])
    }

    @Test func asciiTextGivesExactlyTheReference() async {
        // ASCII includes the control characters, and "\r\n", which Swift sees as one Character.
        await propertyCheck(count: 500, input: Gen.ascii.string(of: 0...200)) { text in
            #expect(encoder.indices(of: text) == Self.reference(text))
        }
    }

    @Test func anyTextGivesThePipelinesTokensWithoutSentences() async throws {
        let whole = try TextPipeline(options: .init(sentences: .none))
        await propertyCheck(count: 300, input: TestTexts.unicodeStrings) { text in
            let indices = try whole.encode(text).indices
            #expect(encoder.indices(of: text) == Array(indices.dropFirst().dropLast()))
        }
    }

    @Test func illFormedBytesAreDeletedLikeReplacementCharacters() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x20, 0x63]  // a, bad, b, cut-short €, space, c
        #expect(bytes.withUnsafeBufferPointer { encoder.indices(ofUTF8: $0) } == [0, 1, 27, 2])
    }

    @Test(.enabled(if: TestTexts.debianTextsInstalled, "needs Debian packages bible-kjv, bible-kjv-text and dict-devil (.ci/setup --tests)"))
    func bigBooksGiveThePipelinesTokens() throws {
        let whole = try TextPipeline(options: .init(sentences: .none))
        let books = TestTexts.debianBooks
        try #require(!books.isEmpty, "Corpora/build-debian-corpora.sh did not build the books")
        for file in books {
            let text = try String(contentsOf: file, encoding: .utf8)
            let indices = encoder.indices(of: text)
            #expect(indices == Array(try whole.encode(text).indices.dropFirst().dropLast()), "\(file.lastPathComponent)")
        }
    }

    /// The splits the PyTorch reference used: KJV 90/5/5 by character, and the Devil's
    /// Dictionary, built with Corpora/build-debian-corpora.sh.
    @Test(.enabled(if: TestTexts.debianTextsInstalled, "needs Debian packages bible-kjv, bible-kjv-text and dict-devil"))
    func debianCorporaGiveTheReferenceChecksums() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-corpora-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = TestTexts.repository.appendingPathComponent("Corpora/build-debian-corpora.sh").path
        _ = try #require(TestTexts.output(of: "bash", [script, folder.path]))

        let kjv = encoder.indices(of: try String(contentsOf: folder.appendingPathComponent("kjv.txt"), encoding: .utf8))
        #expect(kjv.count == 4_040_204)
        let a = Int(0.90 * Double(kjv.count)), b = Int(0.95 * Double(kjv.count))
        let splits = [("train", kjv[..<a]), ("val", kjv[a..<b]), ("test", kjv[b...])]
        let devil = encoder.indices(of: try String(contentsOf: folder.appendingPathComponent("devil.txt"), encoding: .utf8))
        var checksums: [String: String] = [:]
        for (name, part) in splits + [("devil", devil[...])] {
            checksums[name] = try TestTexts.sha256Prefix(TextDecoder.decode(indices: Array(part)))
        }
        #expect(checksums == [
            "train": "e692a293b17f65d6", "val": "0d3f6129549e9066", "test": "b99cc3fed7cfbd49", "devil": "d8ccb08c888c0f21",
        ])
        #expect([a, b - a, kjv.count - b, devil.count] as [Int] == [3_636_183, 202_010, 202_011, 343_684])
    }

}
