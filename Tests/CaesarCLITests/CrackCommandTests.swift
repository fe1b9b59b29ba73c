import Foundation
import Testing

@Suite struct CrackCommandTests {
    static let ciphertext = "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."

    /// The plaintext alone on standard output, the key line on standard error.
    @Test func printsThePlaintextAndTheKeyLineApart() throws {
        let run = try CaesarRun(["crack", Self.ciphertext])
        #expect(run.status == 0)
        #expect(run.stdout == "The secret meeting is at dawn by the river.\n")
        #expect(run.stderr == "key 3, confidence 1.0000 (English 1.0000; lm over 34 letters)\n")
        let quiet = try CaesarRun(["crack", "-q", Self.ciphertext])
        #expect(quiet.stdout == run.stdout && quiet.stderr.isEmpty)
    }

    @Test(arguments: ["lm", "char-rnn", "neural", "quadgram", "bigram", "unigram", "chi2"])
    func everyMethodCracksASentence(method: String) throws {
        let run = try CaesarRun(["crack", "--method", method, "--quiet", Self.ciphertext])
        #expect(run.status == 0)
        #expect(run.stdout == "The secret meeting is at dawn by the river.\n")
    }

    @Test func topListsTheBestCandidates() throws {
        let run = try CaesarRun(["crack", "--top", "2", Self.ciphertext])
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(" 1  key  3  score "))
        #expect(lines[2].hasPrefix(" 2  key "))
        #expect(run.stdout == "The secret meeting is at dawn by the river.\n")
    }

    /// The language is weighed with the key; one can be asked for.
    @Test func theLanguageComesWithTheKey() throws {
        let run = try CaesarRun(["crack", "Qj ywfns ufwy à rnin."])
        #expect(run.status == 0 && run.stdout == "Le train part à midi.\n")
        #expect(run.stderr.hasPrefix("key 5, confidence ") && run.stderr.contains("(French "))
        let english = try CaesarRun(["crack", "--language", "en", "Wkh vhd"])
        #expect(english.stderr == "key 3, confidence 1.0000 (English 1.0000; lm over 6 letters)\n" && english.stdout == "The sea\n")
    }

    /// Random letters give no plausible plaintext: an error, not a confident wrong answer.
    @Test func randomLettersAreRefused() throws {
        let run = try CaesarRun(["crack", "Xqzvj kpwm qfzt bxvhn rqwkz jvcx"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("caesar: error: no plausible plaintext in the text arguments: no key gives text in de, en, es, fr, it (it reads as random letters with probability 1.0000); hint: "))
    }

    @Test func streamsLongInputDecidedFromThePrefix() throws {
        let plain = String(repeating: "It was the best of times, it was the worst of times; Zoë said “naïve”.\n", count: 20_000)  // ≈ 1.4 MB
        let cipher = try CaesarRun(["encrypt", "--key", "17"], stdin: Data(plain.utf8))
        let run = try CaesarRun(["crack", "--prefix", "200"], stdin: Data(cipher.stdout.utf8))
        #expect(run.status == 0)
        #expect(run.stderr == "key 17, confidence 1.0000 (English 1.0000; lm over 200 letters)\n" && run.stdout == plain)
    }

    @Test func outputFileGetsThePlaintextAndStderrTheKeyLine() throws {
        try withTemporaryFolder { folder in
            let output = folder + "/plain.txt"
            let run = try CaesarRun(["crack", "-o", output, Self.ciphertext])
            #expect(run.status == 0)
            #expect(run.stdout.isEmpty && run.stderr == "key 3, confidence 1.0000 (English 1.0000; lm over 34 letters)\n")
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "The secret meeting is at dawn by the river.\n")
        }
    }

    @Test func jsonHasKeyConfidencePlaintextAndCandidates() throws {
        let run = try CaesarRun(["crack", "--json", "--top", "3", Self.ciphertext])
        #expect(run.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["key"] as? Int == 3)
        #expect((report["confidence"] as? Double).map { $0 > 0.999 && $0 <= 1 } == true)
        #expect(report["plaintext"] as? String == "The secret meeting is at dawn by the river.")
        #expect(report["method"] as? String == "lm" && report["language"] as? String == "en")
        #expect(report["lettersScored"] as? Int == 34)
        #expect((report["candidates"] as? [[String: Any]])?.count == 3)
    }

    @Test func customStatisticsCrackAnotherLanguage() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/fr.txt", statistics = folder + "/fr.ngrams"
            let french = "Longtemps, je me suis couché de bonne heure. Parfois, à peine ma bougie éteinte, mes yeux se fermaient si vite que je n'avais pas le temps de me dire: je m'endors."
            try Data(String(repeating: french + "\n", count: 20).utf8).write(to: URL(fileURLWithPath: corpus))
            #expect(try CaesarRun(["ngrams", "letters", "-o", statistics, corpus]).status == 0)
            let cipher = try CaesarRun(["encrypt", "--key", "9", "Je me suis couché de bonne heure."]).stdout
            let run = try CaesarRun(["crack", "--ngrams", statistics, "--quiet", String(cipher.dropLast())])
            #expect(run.status == 0)
            #expect(run.stdout == "Je me suis couché de bonne heure.\n")
        }
    }

    @Test func malformedStatisticsAreAnError() throws {
        try withTemporaryFolder { folder in
            let bad = folder + "/bad.ngrams"
            try Data("caesar-ngrams 1\nngrams 4 total 10 min-count 1 entries 1\nthe 3\n".utf8).write(to: URL(fileURLWithPath: bad))
            let run = try CaesarRun(["crack", "--ngrams", bad, "abc"])
            #expect(run.status == 1)
            #expect(run.stderr == "caesar: error: malformed n-gram statistics in '\(bad)' at line 3: 'the' is not 4 lowercase letters a–z; hint: build the file with 'caesar ngrams letters --output FILE CORPUS...'\n")
        }
    }

    @Test(arguments: [
        (["crack", "42"], "no letters A–Z in the text arguments, so no key can be scored; hint: give ciphertext with Latin letters (a known key works on anything: caesar decrypt --key N)", 1),
        (["crack", "--top", "27", "abc"], "--top must be between 1 and 26, got 27; hint: see 'caesar crack --help'", 64),
        (["crack", "--ngrams", "", "abc"], "--ngrams needs a file path; hint: see 'caesar crack --help'", 64),
        (["crack", "--ngrams", "/", "abc"], "cannot read '/': it is a directory; hint: give a readable text file", 1),
    ] as [([String], String, Int32)])
    func errorsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func emptyAndBinaryInputAreErrorsNotCrashes() throws {
        let empty = try CaesarRun(["crack"], stdin: Data())
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("caesar: error: no letters A–Z in standard input"))
        let zeros = try CaesarRun(["crack"], stdin: Data(count: 10_000))
        #expect(zeros.status == 1)
        #expect(zeros.stderr.hasPrefix("caesar: error: no letters A–Z in standard input"))
        let binary = try CaesarRun(["crack"], stdin: Data([0x57, 0x6B, 0x68, 0xFE, 0x00]))
        #expect(binary.status == 1)
        #expect(binary.stderr.hasPrefix("caesar: error: invalid UTF-8 in standard input at byte 3; hint:"))
    }

    @Test func helpDescribesTheOutput() throws {
        let run = try CaesarRun(["crack", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar crack [<options>] [<text> ...]"))
        #expect(run.stdout.contains("-m, --method <method>") && run.stdout.contains("--language <code>"))
        #expect(run.stdout.flattened.contains("calibrated posterior probability of the key"))
    }
}
