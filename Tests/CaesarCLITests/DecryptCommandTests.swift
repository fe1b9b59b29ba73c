import Foundation
import Testing

@Suite struct DecryptCommandTests {
    @Test func decryptUndoesEncrypt() throws {
        #expect(try CaesarRun(["decrypt", "--key", "3", "Dwwdfn dw gdzq!"]).stdout == "Attack at dawn!\n")
        #expect(try CaesarRun(["decrypt", "--key", "-23", "Dwwdfn"]).stdout == "Attack\n")
        #expect(try CaesarRun(["decrypt", "--rot13", "Nggnpx"]).stdout == "Attack\n")
    }

    @Test func streamsStandardInput() throws {
        let text = String(repeating: "Où est la plage? Zoë dit: Xylophone!\n", count: 30_000)  // ≈ 1.2 MB, several chunks
        let cipher = try CaesarRun(["encrypt", "--key", "11"], stdin: Data(text.utf8))
        let plain = try CaesarRun(["decrypt", "--key", "11"], stdin: Data(cipher.stdout.utf8))
        #expect(plain.status == 0)
        #expect(plain.stdout == text)
    }

    @Test func jsonHasKeyConfidenceAndPlaintext() throws {
        let run = try CaesarRun(["decrypt", "-k", "3", "--json", "Wkh fdw"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\n  \"confidence\" : 1,\n  \"key\" : 3,\n  \"method\" : \"key\",\n  \"plaintext\" : \"The cat\"\n}\n")
    }

    @Test func helpExplainsBothWays() throws {
        let run = try CaesarRun(["decrypt", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar decrypt [<options>] [<text> ...]"))
        #expect(run.stdout.flattened.contains("Without a key, each of the 26 keys is scored by how probable its plaintext is as text in each language"))
        #expect(run.stdout.flattened.contains("'caesar crack' does the same with --top"))
    }

    /// `-` alone reads standard input; the plaintext goes to standard output, the key line to
    /// standard error.
    @Test func aDashReadsStandardInput() throws {
        let run = try CaesarRun(["decrypt", "-"], stdin: Data("Wkh vhfuhw phhwlqj lv dw gdzq.".utf8))
        #expect(run.status == 0 && run.stdout == "The secret meeting is at dawn." && run.stderr.hasPrefix("key 3, confidence 1.0000"))
        let encrypt = try CaesarRun(["encrypt", "--key", "3", "-"], stdin: Data("hello\n".utf8))
        #expect(encrypt.stdout == "khoor\n")
    }
}
