import Foundation
import Testing

@Suite struct DecryptCommandTests {
    @Test func decryptUndoesEncrypt() throws {
        #expect(try CaesarRun(["decrypt", "--shift", "3", "Dwwdfn dw gdzq!"]).stdout == "Attack at dawn!\n")
        #expect(try CaesarRun(["decrypt", "--shift", "-23", "Dwwdfn"]).stdout == "Attack\n")
        #expect(try CaesarRun(["decrypt", "--rot13", "Nggnpx"]).stdout == "Attack\n")
    }

    @Test func streamsStandardInput() throws {
        let text = String(repeating: "Où est la plage? Zoë dit: Xylophone!\n", count: 30_000)  // ≈ 1.2 MB, several chunks
        let cipher = try CaesarRun(["encrypt", "--shift", "11"], stdin: Data(text.utf8))
        let plain = try CaesarRun(["decrypt", "--shift", "11"], stdin: Data(cipher.stdout.utf8))
        #expect(plain.status == 0)
        #expect(plain.stdout == text)
    }

    @Test func jsonHasKeyConfidenceAndPlaintext() throws {
        let run = try CaesarRun(["decrypt", "-k", "3", "--json", "Wkh fdw"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\n  \"confidence\" : 1,\n  \"key\" : 3,\n  \"method\" : \"key\",\n  \"plaintext\" : \"The cat\"\n}\n")
    }

    @Test func withoutAKeyItPointsToCrack() throws {
        let run = try CaesarRun(["decrypt", "Wkh fdw"])
        #expect(run.status == 64)
        #expect(run.stderr == "caesar: error: decrypt needs a key, --shift N or --rot13 (to find an unknown key, run 'caesar crack'); hint: see 'caesar decrypt --help'\n")
    }

    @Test func helpMentionsCrack() throws {
        let run = try CaesarRun(["decrypt", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar decrypt [--shift <n>] [--rot13]"))
        #expect(run.stdout.flattened.contains("To find an unknown key, use 'caesar crack'"))
    }
}
