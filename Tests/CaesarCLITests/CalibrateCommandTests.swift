import Foundation
import Testing

@Suite struct CalibrateCommandTests {
    static let story = SourceTree.path("Corpora/en-the-lighthouse-letters.txt")

    /// Letter statistics counted from the project's own story, in `folder`.
    static func statistics(in folder: String) throws -> String {
        let path = folder + "/story.ngrams"
        let run = try CaesarRun(["ngrams", "letters", "--output", path, story])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    /// The table says what was fitted per length; --output writes a calibrated copy (the
    /// statistics' `calibration` line and a note with the command) and leaves the input alone;
    /// crack then uses it.
    @Test func aCalibratedCopyRecordsTheTemperaturesAndTheCommand() throws {
        try withTemporaryFolder { folder in
            let input = try Self.statistics(in: folder), output = folder + "/calibrated.ngrams"
            let before = try String(contentsOfFile: input, encoding: .utf8)
            let arguments = ["calibrate", "--method", "quadgram", "--ngrams", input, "--lengths", "4", "8", "--trials", "40", "-o", output, "--corpus", Self.story]
            let run = try CaesarRun(arguments)
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == "calibrated quadgram on 80 messages of 4–8 letters")
            #expect(lines[1].hasPrefix("temperatures by length "))
            #expect(lines[2] == "recorded in \(output) (it had 1.0000)")
            #expect(lines[4] == "letters  keys right  temperature  ECE before  ECE after")
            #expect(lines.count == 8 && lines[5].hasPrefix("      4") && lines[6].hasPrefix("      8"))
            #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
            let written = try String(contentsOfFile: output, encoding: .utf8)
            let schedule = String(lines[1].dropFirst("temperatures by length ".count))
            #expect(written.contains("\ncaesar-ngrams 1\ncalibration quadgram \(schedule)\nngrams 1 total "))
            #expect(written.contains("# Calibrated with: caesar calibrate --method quadgram --ngrams \(input) --lengths 4 8 --trials 40 -o \(output) --corpus \(Self.story)\n"))
            let crack = try CaesarRun(["crack", "--method", "quadgram", "--ngrams", output, "Wkh vhfuhw"])
            #expect(crack.status == 0 && crack.stdout == "The secret\n")
        }
    }

    @Test func aDryRunWritesNothingAndJSONSaysEverything() throws {
        try withTemporaryFolder { folder in
            let input = try Self.statistics(in: folder)
            let before = try Data(contentsOf: URL(fileURLWithPath: input))
            let dry = try CaesarRun(["calibrate", "-m", "unigram", "--ngrams", input, "--lengths", "5", "--trials", "30", "--dry-run", "--corpus", Self.story])
            #expect(dry.status == 0 && dry.stdout.contains("\nnot written (--dry-run)\n"))
            let json = try CaesarRun(["calibrate", "-m", "unigram", "--ngrams", input, "--lengths", "5", "--trials", "30", "--dry-run", "--json", "--corpus", Self.story])
            let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
            #expect(report["method"] as? String == "unigram" && report["messages"] as? Int == 30 && report["recorded"] as? String == "1.0000")
            #expect((report["temperature"] as? String).map { !$0.isEmpty } == true)
            #expect((report["rows"] as? [[String: Any]])?.first?["letters"] as? Int == 5)
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        }
    }

    @Test(arguments: [
        (["calibrate", "--method", "neural", "--model", "m.safetensors"], "give held-out text to cut the messages from with --corpus FILE; hint: see 'caesar calibrate --help'"),
        (["calibrate", "--method", "neural", "--corpus", "x.txt"], "--method neural calibrates the file given with --model; hint: see 'caesar calibrate --help'"),
        (["calibrate", "--method", "quadgram", "--lm", "en.safetensors", "--corpus", "x.txt"], "--method quadgram calibrates the file given with --ngrams, not --lm; hint: see 'caesar calibrate --help'"),
        (["calibrate", "--method", "lm", "--lm", "en.safetensors", "--trials", "0", "--corpus", "x.txt"], "--trials must be between 1 and 100000, got 0; hint: see 'caesar calibrate --help'"),
        (["calibrate", "--method", "lm", "--lm", "en.safetensors", "--dry-run", "-o", "y", "--corpus", "x.txt"], "--dry-run writes nothing; leave out --output; hint: see 'caesar calibrate --help'"),
    ] as [([String], String)])
    func mistakesAreOneLineWithAHint(arguments: [String], message: String) throws {
        try CaesarRun.expectError(arguments, status: 64, message)
    }
}
