import Foundation
import Testing

@Suite struct NgramsCommandTests {
    @Test func buildWritesAFileThatSaysHowItWasBuilt() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/a.txt", output = folder + "/a.ngrams"
            try Data("The cat, THE hat.".utf8).write(to: URL(fileURLWithPath: corpus))
            let run = try CaesarRun(["ngrams", "letters", "--min-count", "1", "--note", "a test's note", "--output", output, corpus])
            #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            #expect(text.hasPrefix("""
                # Letter n-gram statistics for caesar (format: caesar-ngrams 1).
                # Built with: caesar ngrams letters --min-count 1 --note 'a test'\\''s note' --output \(output) \(corpus)
                # Corpus: \(corpus) (12 letters)
                # a test's note
                caesar-ngrams 1
                ngrams 1 total 12 min-count 1 entries 5
                a 2
                """))
            #expect(text.contains("ngrams 4 total 9 min-count 1 entries 9\natth 1\n"))
        }
    }

    @Test func withoutAnOutputTheStatisticsGoToStandardOutput() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/a.txt"
            try Data("abcdabcd".utf8).write(to: URL(fileURLWithPath: corpus))
            let run = try CaesarRun(["ngrams", "letters", corpus])
            #expect(run.status == 0)
            #expect(run.stdout.hasSuffix("ngrams 4 total 5 min-count 1 entries 4\nabcd 2\nbcda 1\ncdab 1\ndabc 1\n"))
        }
    }

    @Test func jsonSummarizesWhatWasBuilt() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/a.txt", output = folder + "/a.ngrams"
            try Data("abcdabcd".utf8).write(to: URL(fileURLWithPath: corpus))
            let run = try CaesarRun(["ngrams", "letters", "--json", "--min-count", "2", "-o", output, corpus])
            #expect(run.status == 0)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            #expect(report["letters"] as? Int == 8)
            #expect(report["quadgrams"] as? Int == 5)
            #expect(report["quadgramEntries"] as? Int == 1)
            #expect(report["minCount"] as? Int == 2)
            #expect(report["bytes"] as? Int == (try Data(contentsOf: URL(fileURLWithPath: output))).count)
        }
    }

    @Test(arguments: [
        (["ngrams", "letters"], "Missing expected argument '<corpus> ...'; hint: see 'caesar ngrams letters --help'", 64),
        (["ngrams", "letters", "--min-count", "0", "x"], "--min-count must be at least 1, got 0; hint: see 'caesar ngrams letters --help'", 64),
        (["ngrams", "letters", "--json", "x"], "--json prints a summary, so the statistics need --output FILE; hint: see 'caesar ngrams letters --help'", 64),
        (["ngrams", "letters", "/no/such/corpus.txt"], "cannot open '/no/such/corpus.txt': No such file or directory; hint: check the path and its permissions", 1),
        (["ngrams", "build", "-o", "x.lm", "y.txt"], "Missing expected argument '--language <code>'; hint: see 'caesar ngrams build --help'", 64),
        (["ngrams", "build", "--language", "en", "--order", "11", "-o", "x.lm", "y.txt"], "--order must be 2…10, got 11; hint: see 'caesar ngrams build --help'", 64),
        (["ngrams", "build", "--language", "en", "--min-count", "1,0", "-o", "x.lm", "y.txt"], "--min-count takes whole numbers ≥ 1 separated by commas, got '1,0'; hint: see 'caesar ngrams build --help'", 64),
        (["ngrams", "build", "--language", "e n", "-o", "x.lm", "y.txt"], "--language takes a code such as en or fr, got 'e n'; hint: see 'caesar ngrams build --help'", 64),
        (["ngrams", "build", "--language", "en", "-o", "x.lm", "/no/such/corpus.txt"], "cannot open '/no/such/corpus.txt': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func errorsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func aCorpusWithoutLettersIsAnError() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/digits.txt"
            try Data("123 456".utf8).write(to: URL(fileURLWithPath: corpus))
            let run = try CaesarRun(["ngrams", "letters", corpus])
            #expect(run.status == 1)
            #expect(run.stderr == "caesar: error: fewer than four letters A–Z in file '\(corpus)', nothing to count; hint: give a text corpus in a Latin-alphabet language\n")
        }
    }

    @Test func helpShowsTheUsage() throws {
        let run = try CaesarRun(["ngrams", "letters", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar ngrams letters <corpus> ... [<options>]"))
        #expect(["--min-count <n>", "--note <text>", "--lossy", "-o, --output <path>", "--json"].allSatisfy(run.stdout.contains))
    }

    /// A language model from the project's own story: it says what it built, measured and
    /// calibrated, and the file cracks with --lm.
    @Test func buildWritesALanguageModelThatCracks() throws {
        try withTemporaryFolder { folder in
            let model = folder + "/en.safetensors"
            let run = try CaesarRun(["ngrams", "build", "--language", "en", "--order", "4", "-o", model, SourceTree.path("Corpora/en-the-lighthouse-letters.txt")])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4 && lines[0].hasPrefix("wrote \(model): 4-gram Kneser–Ney of en, "))
            #expect(lines[2].hasPrefix("  held out   the last 5% of each file's sentences: ") && lines[2].hasSuffix(" bits per character"))
            #expect(lines[3].hasPrefix("  calibrated temperature "))
            let crack = try CaesarRun(["crack", "--lm", model, "--quiet", "Wkh nhhshu zurwh wr klv vlvwhu."])
            #expect(crack.status == 0 && crack.stdout == "The keeper wrote to his sister.\n")
            let json = try JSONSerialization.jsonObject(with: Data(try CaesarRun(["ngrams", "build", "--language", "en", "--order", "3", "--json", "-o", model,
                                                                                  SourceTree.path("Corpora/en-the-lighthouse-letters.txt")]).stdout.utf8)) as! [String: Any]
            #expect(json["ngrams"] as? Int != nil && (json["temperature"] as? Double).map { $0 > 0 } == true)
        }
    }
}
