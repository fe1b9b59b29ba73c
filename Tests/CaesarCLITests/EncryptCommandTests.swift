import Foundation
import Testing

@Suite struct EncryptCommandTests {
    @Test func encryptsArgumentsWithANewline() throws {
        let run = try CaesarRun(["encrypt", "--key", "3", "Attack", "at", "dawn!"])
        #expect(run.status == 0)
        #expect(run.stdout == "Dwwdfn dw gdzq!\n")
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [
        (["--key", "-3"], "Xqqxzh"), (["--key=-3"], "Xqqxzh"), (["-k", "-29"], "Xqqxzh"),
        (["--key", "100000000000000000000000000"], "Wppwyg"),  // 10^26 ≡ 22 (mod 26)
        (["--rot13"], "Nggnpx"), (["--key", "0"], "Attack"), (["--key", "+26"], "Attack"),
    ] as [([String], String)])
    func anyIntegerKeyAndROT13(flags: [String], expected: String) throws {
        let run = try CaesarRun(["encrypt"] + flags + ["Attack"])
        #expect(run.status == 0)
        #expect(run.stdout == expected + "\n")
    }

    @Test func standardInputIsCopiedByteForByteApartFromLetters() throws {
        let input = "Ça va? Zoë — 𝄞\n\ttabs\r\nand no final newline"
        let run = try CaesarRun(["encrypt", "--key", "1"], stdin: Data(input.utf8))
        #expect(run.status == 0)
        #expect(run.stdout == "Çb wb? Apë — 𝄞\n\tubct\r\nboe op gjobm ofxmjof")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let run = try CaesarRun(["encrypt", "--key", "5"], stdin: Data())
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func filesInAndOut() throws {
        try withTemporaryFolder { folder in
            let input = folder + "/plain.txt", output = folder + "/secret.txt"
            try Data("Hello, World".utf8).write(to: URL(fileURLWithPath: input))
            let run = try CaesarRun(["encrypt", "--key", "3", "--input", input, "--output", output])
            #expect(run.status == 0 && run.stdout.isEmpty)
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "Khoor, Zruog")
        }
    }

    @Test func jsonHasTheKeyAndTheCiphertext() throws {
        let run = try CaesarRun(["encrypt", "--key", "-1", "--json", "abc"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\n  \"ciphertext\" : \"zab\",\n  \"key\" : 25\n}\n")
    }

    @Test func helpShowsTheKeyOptions() throws {
        let run = try CaesarRun(["encrypt", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar encrypt [<options>] [<text> ...]"))
        #expect(run.stdout.contains("-k, --key <n>") && run.stdout.contains("--rot13"))
        #expect(run.stdout.flattened.contains("any integer, taken mod 26"))
    }

    /// ROT47 and digits, as other tools offer them (issue #15).
    @Test func otherAlphabets() throws {
        #expect(try CaesarRun(["encrypt", "--rot47", "Hello, World! 123"]).stdout == "w6==@[ (@C=5P `ab\n")
        #expect(try CaesarRun(["encrypt", "--key", "3", "--alphabet", "letters-digits", "Room 101"]).stdout == "Urrp 434\n")
        let found = try CaesarRun(["decrypt", "--alphabet", "letters-digits", "Wkh phhwlqj lv lq urrp 434 dw 2"])
        #expect(found.stdout == "The meeting is in room 101 at 9\n" && found.stderr.hasPrefix("key 3, "))
        try CaesarRun.expectError(["crack", "--alphabet", "printable", "w6==@"], status: 64,
            "a printable-ASCII (ROT47) key cannot be found from letters; give it with decrypt --key N --alphabet printable, or --rot47; hint: see 'caesar crack --help'")
    }

    @Test(arguments: [
        (["encrypt", "abc"], "encrypt needs a key: --key N, --rot13 or --rot47; hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "3", "--rot13", "abc"], "give one of --key, --rot13 and --rot47; hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "three", "abc"], "The value 'three' is invalid for '--key <n>': give an integer (any number of digits, negative too); hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "1e9", "abc"], "The value '1e9' is invalid for '--key <n>': give an integer (any number of digits, negative too); hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--shft", "3", "abc"], "Unknown option '--shft'; hint: did you mean '--key'? see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "3", "--shift", "4", "abc"], "give --key once (--shift is its older name); hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "3", "--input", "/no/such/file"], "cannot open '/no/such/file': No such file or directory; hint: check the path and its permissions", 1),
        (["encrypt", "--key", "3", "--input", "/"], "cannot read file '/': it is a directory; hint: give a readable text file", 1),
        (["encrypt", "--key", "3", "--input", "x", "abc"], "give the text as arguments or with --input, not both; hint: see 'caesar encrypt --help'", 64),
        (["encrypt", "--key", "3", "--output", "/no/such/folder/out.txt", "abc"], "cannot write '/no/such/folder/out.txt': No such file or directory; hint: check the folder exists, is writable and has space", 1),
    ] as [([String], String, Int32)])
    func errorsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func invalidUTF8NamesItsOffsetUnlessLossy() throws {
        let bytes = Data([0x61, 0x62, 0xFF, 0x63])
        let strict = try CaesarRun(["encrypt", "--key", "1"], stdin: bytes)
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("caesar: error: invalid UTF-8 in standard input at byte 2; hint:"))
        let lossy = try CaesarRun(["encrypt", "--key", "1", "--lossy"], stdin: bytes)
        #expect(lossy.status == 0)
        #expect(lossy.stdout == "bc\u{FFFD}d")
    }

    @Test func binaryInputNeverCrashes() throws {
        var rng = SystemRandomNumberGenerator()
        let bytes = Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let run = try CaesarRun(["encrypt", "--key", "7"], stdin: bytes)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("caesar: error: invalid UTF-8 in standard input at byte "))
        #expect(run.stderr.components(separatedBy: "\n").count == 2)
    }

    @Test func aFailedRunLeavesTheOutputFileAlone() throws {
        try withTemporaryFolder { folder in
            let input = folder + "/bad.txt", output = folder + "/out.txt"
            try Data([0x61, 0xC3]).write(to: URL(fileURLWithPath: input))
            try Data("precious".utf8).write(to: URL(fileURLWithPath: output))
            let run = try CaesarRun(["encrypt", "--key", "1", "-i", input, "-o", output])
            #expect(run.status == 1)
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["bad.txt", "out.txt"])
        }
    }
}

extension String {
    /// Help text with its line wrapping undone, for checking phrases.
    var flattened: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

/// A fresh folder for one test, removed afterwards.
func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = NSTemporaryDirectory() + "caesar-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}
