import Foundation
import Testing

@Suite struct BruteCommandTests {
    @Test func prints26RankedLinesBestFirst() throws {
        let run = try CaesarRun(["brute", "Wkh vhfuhw phhwlqj lv dw gdzq"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 26)
        #expect(lines[0].hasPrefix(" 1  key  3  score "))
        #expect(lines[0].hasSuffix("posterior 1.0000  The secret meeting is at dawn"))
        #expect(lines[25].hasPrefix("26  key "))
        let keys = lines.map { Int($0.split(separator: " ")[2])! }
        #expect(Set(keys) == Set(0..<26))
    }

    /// --quiet: the decryptions alone, best first, one a line, whole (for grep).
    @Test func quietPrintsTheDecryptionsAloneBestFirst() throws {
        let run = try CaesarRun(["brute", "-q", "Wkh vhfuhw\nphhwlqj"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 26)
        #expect(lines[0] == "The secret meeting")
        #expect(lines.contains("Wkh vhfuhw phhwlqj"))  // key 0
        let lined = try CaesarRun(["brute", "--quiet", "--lines", "Wkh vhfuhw", "...", "Uryyb"])
        #expect(lined.stdout.split(separator: "\n").count == 52)
        #expect(!lined.stdout.contains("line "))
    }

    @Test func longTextIsPreviewedOnOneLine() throws {
        let text = "Wkh vhfuhw\nphhwlqj lv dw gdzq eb wkh ulyhu, zkhuh wkh rog ploo vwdqgv dqg wkh zdwhu uxqv."
        let run = try CaesarRun(["brute", text])
        let first = run.stdout.split(separator: "\n")[0]
        #expect(first.hasSuffix("The secret meeting is at dawn by the river, where the old mi…"))
    }

    @Test func jsonHasEveryDecryptionInFull() throws {
        let run = try CaesarRun(["brute", "--json", "--method", "chi2", "Wkh fdw"])
        #expect(run.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let candidates = report["candidates"] as! [[String: Any]]
        #expect(candidates.count == 26)
        #expect(report["method"] as? String == "chi2")
        #expect(candidates[0]["rank"] as? Int == 1)
        #expect(candidates.contains { $0["key"] as? Int == 3 && $0["plaintext"] as? String == "The cat" })
        #expect(candidates.contains { $0["key"] as? Int == 0 && $0["plaintext"] as? String == "Wkh fdw" })
    }

    @Test(arguments: [
        (["brute", "1234 — 5678"], "no letters A–Z in the text arguments, so no key can be scored; hint: give ciphertext with Latin letters (a known key works on anything: caesar decrypt --key N)", 1),
        (["brute", "--method", "trigram", "abc"], "The value 'trigram' is invalid for '--method <method>'. Please provide one of the following: lm, char-rnn, neural, quadgram, bigram, unigram, chi2; hint: see 'caesar brute --help'", 64),
        (["brute", "--prefix", "0", "abc"], "--prefix must be at least 1 letter, got 0; hint: see 'caesar brute --help'", 64),
        (["brute", "--ngrams", "/no/such.ngrams", "abc"], "cannot open '/no/such.ngrams': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func errorsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func emptyInputIsAnError() throws {
        let run = try CaesarRun(["brute"], stdin: Data())
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("caesar: error: no letters A–Z in standard input"))
    }

    @Test func inputBeyondTheLimitIsAnError() throws {
        let run = try CaesarRun(["brute"], stdin: Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1))
        #expect(run.status == 1)
        #expect(run.stderr == "caesar: error: standard input is larger than 1 MiB, the most this command holds in memory; hint: cut the text down (head -c) or use a command that streams\n")
    }

    @Test func helpExplainsTheColumns() throws {
        let run = try CaesarRun(["brute", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar brute [<options>] [<text> ...]") && run.stdout.contains("-m, --method <method>"))
        #expect(run.stdout.flattened.contains("Prints 26 lines: rank, key"))
    }
}
