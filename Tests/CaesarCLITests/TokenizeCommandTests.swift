import Foundation
import Testing

@Suite struct TokenizeCommandTests {
    /// A scratch folder for file input and output, removed by the caller.
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-tokenize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func expectOneLineError(_ run: CaesarRun, status: Int32, _ start: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("caesar: error: \(start)"), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("; hint: "), sourceLocation: sourceLocation)
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
    }

    @Test func helpShowsTheStagesAndTheOptions() throws {
        let run = try CaesarRun(["tokenize", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("""
            OVERVIEW: Show every stage of the text pipeline: normalized, filtered, tokens,
            indices, restored.

            Stages: (a) normalize: lowercase and fold Latin letters to a-z (é → e, ß → ss,
            Œ → oe); (b) filter: keep a-z and '.', one [sep] for each gap between words,
            """))
        #expect(run.stdout.contains("USAGE: caesar tokenize [<options>] [<text> ...]\n"))
        for option in ["--input <path>", "--lossy", "--output <path>", "--json", "--sentences <rule>", "--locale <locale>", "--one-hot"] {
            #expect(run.stdout.contains(option), "\(option)")
        }
    }

    @Test func everyStageIsShownAligned() throws {
        let run = try CaesarRun(["tokenize", "Hi!", "Ça", "va?"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == """
            original    "Hi! Ça va?"  (11 bytes)
            normalized  "hi! ca va?"
            filtered    "hi ca va"

            sentences   ICU sentence breaks, locale en@ss=standard: 2 sentences, 11 tokens
              1  [start] h i [end]
                 28      7 8 29
              2  [start] c a [sep] v  a [end]
                 28      2 0 27    21 0 29

            restored    "Hi! Ça va?"
            round trip  identical to the input, byte for byte

            """)
    }

    @Test func longSentencesWrapWithTokensOverTheirIndices() throws {
        let run = try CaesarRun(["tokenize", String(repeating: "abc ", count: 40)])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let tokenLines = lines.drop { !$0.hasPrefix("  1  [start]") }.prefix { !$0.isEmpty }
        #expect(tokenLines.count == 12)  // 161 tokens in 6 wrapped pairs of tokens and indices
        #expect(tokenLines.allSatisfy { $0.count <= 100 && $0.last != " " })
        #expect(tokenLines.suffix(2) == ["     c [end]", "     2 29"])
    }

    @Test func oneHotPrintsTheMatrixWithColumnHeaders() throws {
        let run = try CaesarRun(["tokenize", "--one-hot", "--sentences", "none", "Ab."])
        #expect(run.status == 0)
        #expect(run.stdout.contains("""
            one-hot     5 × 31: row t is token t, with a 1 in its index's column (_ [sep], < [start], > [end], # [pad])
              t  token   a b c d e f g h i j k l m n o p q r s t u v w x y z . _ < > #
              0  [start] · · · · · · · · · · · · · · · · · · · · · · · · · · · · 1 · ·
              1  a       1 · · · · · · · · · · · · · · · · · · · · · · · · · · · · · ·
              2  b       · 1 · · · · · · · · · · · · · · · · · · · · · · · · · · · · ·
              3  .       · · · · · · · · · · · · · · · · · · · · · · · · · · 1 · · · ·
              4  [end]   · · · · · · · · · · · · · · · · · · · · · · · · · · · · · 1 ·
            """))
    }

    @Test func jsonHasEveryStage() throws {
        let run = try CaesarRun(["tokenize", "--json", "--one-hot", "Straße. Ok"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["original"] as? String == "Straße. Ok")
        #expect(object["normalized"] as? String == "strasse. ok")
        #expect(object["filtered"] as? String == "strasse. ok")
        #expect(object["restored"] as? String == "Straße. Ok")
        #expect(object["restoredEqualsInput"] as? Bool == true)
        #expect(object["bytes"] as? Int == 11)
        #expect(object["indices"] as? [Int] == [28, 18, 19, 17, 0, 18, 18, 4, 26, 29, 28, 14, 10, 29])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 2)
        #expect(sentences[1]["tokens"] as? [String] == ["[start]", "o", "k", "[end]"])
        let oneHot = try #require(object["oneHot"] as? [String: Any])
        #expect(oneHot["rows"] as? Int == 14)
        #expect(oneHot["columns"] as? Int == 31)
        #expect((oneHot["values"] as? [[Int]])?.count == 14)
        #expect((oneHot["columnTokens"] as? [String])?.last == "[pad]")
    }

    @Test func sentenceRulesAndLocales() throws {
        let periods = try CaesarRun(["tokenize", "--json", "--sentences", "periods", "Hi! Mr. Li."])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(periods.stdout.utf8)) as? [String: Any])
        #expect((object["sentences"] as? [Any])?.count == 2)  // "hi mr." and "li."
        let plain = try CaesarRun(["tokenize", "--locale", "en", "Mr. Li left."])
        #expect(plain.stdout.contains("locale en: 2 sentences"))
    }

    @Test func inputFromStandardInputAndFilesAndOutputToAFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("in.txt")
        try Data("Tab\there\n".utf8).write(to: file)
        let fromStdin = try CaesarRun(["tokenize"], stdin: Data("Tab\there\n".utf8))
        let fromFile = try CaesarRun(["tokenize", "--input", file.path])
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromFile.stdout.hasPrefix("original    \"Tab\\there\\n\"  (9 bytes)\n"))
        let out = folder.appendingPathComponent("out.txt")
        let toFile = try CaesarRun(["tokenize", "--input", file.path, "--output", out.path])
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == fromFile.stdout)
    }

    @Test func controlAndInvisibleCharactersAreShownEscaped() throws {
        let run = try CaesarRun(["tokenize"], stdin: Data("a\u{0}b\u{A0}c\u{202E}d\u{1B}".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(#"original    "a\u{0}b\u{A0}c\u{202E}d\u{1B}"  (11 bytes)"#))
        #expect(run.stdout.contains("round trip  identical to the input, byte for byte"))
    }

    @Test func emptyInputHasNoTokensAndNoError() throws {
        let run = try CaesarRun(["tokenize"], stdin: Data())
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 sentences, 0 tokens"))
        #expect(run.stdout.contains("(no letters or periods, so no tokens)"))
    }

    @Test func invalidUTF8IsAnErrorWithItsOffsetUnlessLossy() throws {
        let bytes = Data([0x61, 0x62, 0xFF, 0x63])
        expectOneLineError(try CaesarRun(["tokenize"], stdin: bytes), status: 1, "invalid UTF-8 in standard input at byte 2; hint: ")
        let lossy = try CaesarRun(["tokenize", "--lossy"], stdin: bytes)
        #expect(lossy.status == 0)
        #expect(lossy.stdout.contains("filtered    \"abc\""))
    }

    @Test func binaryInputIsRefusedNotCrashedOn() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0xFF])
        let run = try CaesarRun(["tokenize"], stdin: bytes)
        expectOneLineError(run, status: 1, "invalid UTF-8 in standard input at byte ")
        let lossy = try CaesarRun(["tokenize", "--lossy", "--json"], stdin: bytes)
        #expect(lossy.status == 0)
    }

    @Test func inputOverOneMebibyteIsRefused() throws {
        let run = try CaesarRun(["tokenize"], stdin: Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1))
        expectOneLineError(run, status: 1, "standard input is larger than 1 MiB, the most this command holds in memory; hint: ")
        let oneHot = try CaesarRun(["tokenize", "--one-hot"], stdin: Data(repeating: UInt8(ascii: "a"), count: (64 << 10) + 1))
        expectOneLineError(oneHot, status: 1, "standard input is larger than 64 KiB, the most this command holds in memory; hint: ")
    }

    @Test func missingAndWrongFilesAreOneLineErrors() throws {
        expectOneLineError(try CaesarRun(["tokenize", "--input", "/no/such/file"]), status: 1, "cannot open '/no/such/file': No such file or directory; hint: ")
        expectOneLineError(try CaesarRun(["tokenize", "--input", "/tmp"]), status: 1, "cannot read file '/tmp': it is a directory; hint: ")
        expectOneLineError(try CaesarRun(["tokenize", "--output", "/no/such/folder/out.txt", "x"]), status: 1, "cannot write '/no/such/folder/out.txt': ")
    }

    @Test func wrongFlagsAreUsageErrors() throws {
        expectOneLineError(try CaesarRun(["tokenize", "--sentences", "words", "x"]), status: 64,
                           "The value 'words' is invalid for '--sentences <rule>'. Please provide one of 'icu', 'periods' or 'none'; hint: see 'caesar tokenize --help'")
        expectOneLineError(try CaesarRun(["tokenize", "--sentences", "none", "--locale", "en", "x"]), status: 64,
                           "--locale applies to --sentences icu only; hint: see 'caesar tokenize --help'")
        expectOneLineError(try CaesarRun(["tokenize", "--locale", "", "x"]), status: 64, "--locale needs a locale")
        expectOneLineError(try CaesarRun(["tokenize", "--input", "f", "x"]), status: 64, "give the text as arguments or with --input, not both")
        expectOneLineError(try CaesarRun(["tokenize", "--one-hot=yes"]), status: 64, "")
    }
}
