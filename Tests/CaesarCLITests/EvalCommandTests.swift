import Foundation
import Testing

@Suite struct EvalCommandTests {
    static let story = SourceTree.path("Corpora/en-the-lighthouse-letters.txt")

    /// One column per method, one table per measure, nothing trailing.
    @Test func theTablesSetTheMethodsSideBySide() throws {
        let run = try CaesarRun(["eval", "--corpus", Self.story, "--trials", "20", "--lengths", "5", "10", "--methods", "lm", "quadgram", "chi2",
                                 "--text-language", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "messages 20 per length, starting at words, keys 1–25, seed 0")
        for title in ["key right", "mean confidence", "expected calibration error (0 is honest)",
                      "right among answers given with confidence ≥ 0.99", "language named en"] {
            #expect(lines.contains(title), "\(title)")
        }
        #expect(lines.contains("letters        lm  quadgram      chi2"))
        #expect(!run.stdout.contains(" \n"))
    }

    /// The same seed gives the same JSON; the rows carry the calibration bins.
    @Test func jsonHasEveryRowAndIsReproducible() throws {
        let arguments = ["eval", "--corpus", Self.story, "--trials", "15", "--lengths", "5", "20", "--seed", "4", "--methods", "lm", "unigram", "--json"]
        let first = try CaesarRun(arguments), second = try CaesarRun(arguments)
        #expect(first.stdout == second.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        let measurements = object["measurements"] as! [[String: Any]]
        #expect(measurements.map { $0["method"] as? String } == ["lm", "unigram"])
        let rows = measurements[0]["rows"] as! [[String: Any]]
        #expect(rows.map { $0["letters"] as? Int } == [5, 20] && rows.allSatisfy { ($0["trials"] as? Int) == 15 })
        #expect(rows.allSatisfy { ($0["reliability"] as? [Any])?.count == 10 })
    }

    /// --noise measures the refusals on random letters, --report writes the page.
    @Test func noiseIsRefusedAndTheReportIsWritten() throws {
        try withTemporaryFolder { folder in
            let page = folder + "/eval.html"
            let run = try CaesarRun(["eval", "--corpus", Self.story, "--trials", "10", "--lengths", "30", "--methods", "lm", "--noise", "--report", page])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("random letters refused (the same spans, letters replaced)\nletters        lm\n     30   100.00%\n"))
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains("<h2>Reliability diagrams</h2>") && html.contains("<svg"))
        }
    }

    @Test(arguments: [
        (["eval"], "give held-out text with --corpus FILE; hint: see 'caesar eval --help'", 64),
        (["eval", "--corpus", "x", "--trials", "0"], "--trials must be between 1 and 1000000, got 0; hint: see 'caesar eval --help'", 64),
        (["eval", "--corpus", "x", "--lengths", "5", "5"], "--lengths takes distinct lengths between 1 and 10000 letters; hint: see 'caesar eval --help'", 64),
        (["eval", "--corpus", "x", "--methods", "lm", "--model", "m"], "--model belongs to the neural method; add it to --methods; hint: see 'caesar eval --help'", 64),
    ] as [([String], String, Int32)])
    func badFlagsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }
}
