import Foundation
import PropertyBased
import Testing
import CaesarTestSupport

/// Texts the tests share: the in-repo corpus, the shared books, random Unicode.
enum TestTexts {
    /// The repository root (three folders above this file).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Corpora/NAME` of the repository, as text.
    static func corpus(_ name: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("Corpora").appendingPathComponent(name), encoding: .utf8)
    }

    static let ownCorpora = [
        "en-the-lighthouse-letters.txt", "fr-la-lettre-du-phare.txt",
        "de-der-brief-vom-leuchtturm.txt", "unicode-edge-cases.txt",
    ]

    /// Whether Debian's public-domain texts are installed (`.ci/setup --tests` installs them).
    static var debianTextsInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/bible")
            && FileManager.default.fileExists(atPath: "/usr/share/dictd/devil.dict.dz")
    }

    /// Big public-domain books, the King James Bible and The Devil's Dictionary, built from
    /// Debian's packages by `Corpora/build-debian-corpora.sh` once per test run; empty when the
    /// packages are not installed.
    static let debianBooks: [URL] = {
        guard debianTextsInstalled else { return [] }
        let folder = URL(fileURLWithPath: ScratchFolder.make("books"))
        let script = repository.appendingPathComponent("Corpora/build-debian-corpora.sh").path
        guard output(of: "bash", [script, folder.path]) != nil else { return [] }
        return ["devil.txt", "kjv.txt"].map { folder.appendingPathComponent($0) }
    }()

    /// Runs a program and returns its standard output; nil if it cannot start or fails.
    static func output(of program: String, _ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The first 16 hex digits of the SHA-256 of `text`'s UTF-8 (with `sha256sum`).
    static func sha256Prefix(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-sha-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try #require(TestTexts.output(of: "sha256sum", [file.path]))
        return String(String(decoding: output, as: UTF8.self).prefix(16))
    }

    // MARK: - Random Unicode

    /// Pieces the random strings are made of: the hard cases by name, plus random scalars.
    static let hardPieces: [String] = [
        "", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2002}", "\u{200A}", "\u{3000}",
        "\u{2028}", "\u{2029}", "\u{85}", "\u{1680}", "\u{202F}",
        "\u{0}", "\u{7}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{FEFF}", "\u{200B}", "\u{200D}", "\u{AD}", "\u{FFFD}",
        "a", "Z", "hello", "World", ".", "...", "!", "?", "'", ",", "-", "Mr.", "e.g.", "U.S.", "3.14", "42",
        "é", "e\u{301}", "a\u{308}\u{301}", "\u{301}", "\u{20DD}", "ß", "ẞ", "Æ", "æ", "Œ", "ø", "ł", "þ", "ð",
        "İ", "ı", "ǅ", "Ǆ", "ĳ", "ŉ", "ﬁ", "ﬃ", "…", "‥", "．", "﹒", "Ａ", "𝐀", "ª", "ᴬ", "™", "Ⓐ", "Ⅻ", "½",
        "👩‍👩‍👧‍👦", "👍🏽", "🇫🇷", "🏳️‍🌈", "❤️", "שלום", "مرحبا", "\u{200F}", "\u{202E}", "漢字", "ひらがな。", "한글",
        "Ωμέγα", "Москва", "हिन्दी", "«", "»", "“", "”", "’", "—",
    ]

    /// One piece: a hard case by number, or a random scalar from a range of the code space
    /// (ASCII, Latin-1, the rest of the BMP below the surrogates, everything above them).
    static let piece = zip(Gen.int(in: 0...(hardPieces.count + 40)), Gen.uint32(in: 0...UInt32.max)).map { choice, random in
        if choice < hardPieces.count { return hardPieces[choice] }
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0xFF, 0x100...0xD7FF, 0xE000...0x10FFFF]
        let range = ranges[choice % ranges.count]
        let value = range.lowerBound + random % (range.upperBound - range.lowerBound + 1)
        return String(Unicode.Scalar(value)!)
    }

    /// Random strings of 0 to 24 pieces.
    static let unicodeStrings = piece.array(of: 0...24).map { $0.joined() }
}
