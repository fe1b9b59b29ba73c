import Testing

@testable import CaesarCipher

@Suite struct NgramStatisticsFormatTests {
    @Test func theFormatRoundTrips() throws {
        let text = SmallStatistics.statistics.formatted()
        #expect(text.hasPrefix("caesar-ngrams 1\nngrams 1 total 20 min-count 1 entries 4\na 6\nb 6\nc 4\nd 4\nngrams 2 total 18"))
        #expect(text.hasSuffix("ngrams 4 total 14 min-count 1 entries 4\nabcd 4\nbcda 4\ncdab 4\ndabc 2\n"))
        let parsed = try NgramStatistics(parsing: Array(text.utf8), source: "test")
        #expect(parsed == SmallStatistics.statistics)
    }

    @Test func temperaturesGoOnTheCalibrationLineAndComeBack() throws {
        var statistics = SmallStatistics.statistics
        statistics.temperatures = [.chi2: 3.25, .quadgram: TemperatureSchedule(points: [(4, 1.5), (10, 4.75)])]
        let text = statistics.formatted()
        #expect(text.hasPrefix("caesar-ngrams 1\ncalibration quadgram 4:1.5000,10:4.7500 chi2 3.2500\nngrams 1 total 20"))
        #expect(try NgramStatistics(parsing: Array(text.utf8), source: "test") == statistics)
        #expect(SmallStatistics.statistics.formatted().contains("calibration") == false)
    }

    @Test func notesBecomeHeaderCommentsAndComeBack() throws {
        var counter = NgramCounter()
        counter.add("then")
        let statistics = counter.statistics(notes: ["Built with: a test", "Second line"])
        let text = statistics.formatted()
        #expect(text.hasPrefix("# Built with: a test\n# Second line\ncaesar-ngrams 1\n"))
        #expect(try NgramStatistics(parsing: Array(text.utf8), source: "test").notes == ["Built with: a test", "Second line"])
    }

    @Test func commentsBlankLinesAndCRLFAreAccepted() throws {
        let text = "# note\r\n\r\ncaesar-ngrams 1\r\n# inside\r\nngrams 1 total 5 min-count 1 entries 1\r\nz 5\r\n"
            + "ngrams 2 total 4 min-count 1 entries 0\nngrams 4 total 2 min-count 2 entries 1\nzzzz 2\n"
        let statistics = try NgramStatistics(parsing: Array(text.utf8), source: "test")
        #expect(statistics.unigrams.counts[25] == 5)
        #expect(statistics.quadgrams.minCount == 2)
        #expect(statistics.notes == ["note"])
    }

    static let valid = "caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nz 5\nngrams 2 total 4 min-count 1 entries 0\nngrams 4 total 2 min-count 1 entries 0\n"

    /// Every way to break the file, with the line it names and the start of the problem.
    @Test(arguments: [
        ("", 1, "no 'caesar-ngrams 1' line"),
        ("caesar-ngrams 2\n", 1, "expected 'caesar-ngrams 1' first"),
        ("caesar-ngrams 1\nz 5\n", 2, "an entry before any 'ngrams' section header"),
        ("caesar-ngrams 1\nngrams 3 total 5 min-count 1 entries 0\n", 2, "order 3 is not one of 1, 2, 4"),
        ("caesar-ngrams 1\nngrams 1 total x min-count 1 entries 0\n", 2, "expected 'ngrams N total T min-count M entries E'"),
        ("caesar-ngrams 1\nngrams 1 total 0 min-count 1 entries 0\n", 2, "total 0 must be positive"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 0 entries 0\n", 2, "min-count 0 must be at least 1"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 27\n", 2, "27 entries cannot be"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nzz 5\n", 3, "'zz' is not 1 lowercase letters"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nZ 5\n", 3, "'Z' is not 1 lowercase letters"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nz -5\n", 3, "count '-5' is not a whole number"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 3 entries 1\nz 2\n", 3, "count '2' is not a whole number ≥ min-count 3"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nz 5 6\n", 3, "expected an n-gram and a count, found 3 fields"),
        ("caesar-ngrams 1\nngrams 1 total 9 min-count 1 entries 2\nz 5\nz 4\n", 4, "'z' is listed twice"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 1\nz 5\ny 1\n", 4, "more entries than the 1"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 2\nz 5\nngrams 2 total 1 min-count 1 entries 0\n", 4, "the section of order 1 (line 2) has 1 entries, its header says 2"),
        ("caesar-ngrams 1\nngrams 1 total 4 min-count 1 entries 1\nz 5\n", 2, "the counts of order 1 add up to 5, more than its total 4"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 0\nngrams 1 total 5 min-count 1 entries 0\n", 3, "a second section of order 1"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 0\n", 2, "no section of order 2"),
        ("caesar-ngrams 1\nz\u{00E9} 5\n", 2, "unexpected byte outside a comment"),
        ("caesar-ngrams 1\ncalibration\n", 2, "expected 'calibration METHOD T …'"),
        ("caesar-ngrams 1\ncalibration quadgram\n", 2, "expected 'calibration METHOD T …'"),
        ("caesar-ngrams 1\ncalibration trigram 2\n", 2, "'trigram' is not a scorer"),
        ("caesar-ngrams 1\ncalibration chi2 2 chi2 3\n", 2, "chi2 is calibrated twice"),
        ("caesar-ngrams 1\ncalibration chi2 99\n", 2, "'99' of chi2 is not a temperature in 0.05…20"),
        ("caesar-ngrams 1\ncalibration chi2 4:1,4:2\n", 2, "'4:1,4:2' of chi2 is not a temperature"),
        ("caesar-ngrams 1\ncalibration chi2 2\ncalibration bigram 2\n", 3, "a second 'calibration' line"),
        ("caesar-ngrams 1\nngrams 1 total 5 min-count 1 entries 0\ncalibration chi2 2\n", 3, "the 'calibration' line comes before the first 'ngrams' section"),
    ] as [(String, Int, String)])
    func malformedFilesNameTheLineAndTheProblem(text: String, line: Int, problem: String) {
        do {
            _ = try NgramStatistics(parsing: Array(text.utf8), source: "'bad.ngrams'")
            Issue.record("parsed a malformed file")
        } catch let error as CipherError {
            guard case .malformedNgrams(let source, let reportedLine, let reported) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(source == "'bad.ngrams'")
            #expect(reportedLine == line)
            #expect(reported.hasPrefix(problem), "\(reported)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theValidSampleParses() throws {
        #expect(try NgramStatistics(parsing: Array(Self.valid.utf8), source: "test").unigrams.total == 5)
    }

    @Test func binaryBytesAreAnErrorNotACrash() {
        #expect(throws: CipherError.self) {
            try NgramStatistics(parsing: [0x00, 0xFF, 0xFE, 0x0A, 0x80], source: "test")
        }
    }
}
