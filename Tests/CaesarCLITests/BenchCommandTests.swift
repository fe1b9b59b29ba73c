import Foundation
import Testing

@Suite struct BenchCommandTests {
    @Test func benchEncryptComparesWithTrAndChecksTheOutputsAgree() throws {
        let run = try CaesarRun(["bench", "encrypt", "--size", "1", "--repeat", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["outputsAgree"] as? Bool == true)
        #expect((report["bytes"] as? Int).map { $0 > 1_000_000 && $0 <= 1 << 20 } == true)
        #expect((report["tr"] as? [String: Any])?["command"] as? String == "tr 'A-Za-z' 'D-ZA-Cd-za-c'")
        #expect(report["ratio"] is Double && report["cpuRatio"] is Double)
    }

    @Test func benchEncryptPrintsBothThroughputsAndTheRatio() throws {
        let run = try CaesarRun(["bench", "encrypt", "--size", "1", "--repeat", "1"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("outputs agree: yes"))
        #expect(run.stdout.contains("tr 'A-Za-z' 'D-ZA-Cd-za-c'"))
        #expect(run.stdout.contains("caesar encrypt --key 3"))
        #expect(run.stdout.contains("caesar / tr: "))
    }

    /// Every method's speed on the same messages, each shipped model's load time, and the
    /// whole command's wall time.
    @Test func benchCrackTimesEveryMethodAndModel() throws {
        let json = try CaesarRun(["bench", "crack", "--messages", "3", "--lengths", "5", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let scoring = report["scoring"] as! [[String: Any]]
        #expect(scoring.map { $0["method"] as! String } == ["lm (auto: 5 languages)", "lm --language en", "char-rnn", "neural", "quadgram"])
        #expect(scoring.allSatisfy { ($0["messages"] as? Int) == 3 && ($0["milliseconds"] as! Double) > 0 })
        let loading = report["loading"] as! [[String: Any]]
        #expect(loading.count == 7 && loading.allSatisfy { ($0["milliseconds"] as! Double) > 0 })
        let lines = report["lines"] as! [[String: Any]]
        #expect(lines.map { $0["method"] as! String } == ["quadgram", "lm", "char-rnn", "neural", "neural --no-rotations"])
        #expect((report["decryptWallMilliseconds"] as! Double) > 0)
    }

    /// `bench neural --json` is one JSON document, the products' rows included when asked for.
    @Test func benchNeuralProductsComeInTheOneJSONReport() throws {
        let run = try CaesarRun(["bench", "neural", "--configs", "rnn128", "--batches", "4", "--measure", "products",
                                 "--repeats", "1", "--min-seconds", "0.001", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let products = report["products"] as! [[String: Any]]
        // rows 2 (a worker's half), 4 (the batch) and 128 (inference), forward and backward
        #expect(products.map { $0["rows"] as! Int } == [2, 2, 4, 4, 128, 128])
        #expect(products.allSatisfy { ($0["blasGFLOPS"] as! Double) > 0 && ($0["packedGFLOPS"] as! Double) > 0 })
        #expect((report["rows"] as! [[String: Any]]).count == 1)
        #expect((report["cacheReadGBPerSecond"] as! Double) > 0)
    }

    @Test(arguments: [
        (["bench", "crack", "--messages", "0"], "--messages must be between 1 and 100000, got 0; hint: see 'caesar bench crack --help'", 64),
        (["bench", "crack", "--lengths", "5", "5"], "--lengths lists a length twice; hint: see 'caesar bench crack --help'", 64),
        (["bench", "crack", "--corpus", "/no/such.txt"], "cannot open '/no/such.txt': No such file or directory; hint: check the path and its permissions", 1),
        (["bench", "encrypt", "--size", "0"], "--size must be between 1 and 65536 MiB, got 0; hint: see 'caesar bench encrypt --help'", 64),
        (["bench", "encrypt", "--input", "/no/such.txt"], "cannot open '/no/such.txt': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func errorsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func aCorpusShorterThanTheSpansIsAnError() throws {
        try withTemporaryFolder { folder in
            let corpus = folder + "/short.txt"
            try Data("Too short.".utf8).write(to: URL(fileURLWithPath: corpus))
            let run = try CaesarRun(["bench", "crack", "--corpus", corpus])
            #expect(run.status == 1)
            #expect(run.stderr == "caesar: error: the corpus has 8 letters, fewer than the 20 a span needs; hint: give a longer corpus or shorter --lengths\n")
        }
    }

    @Test func helpListsTheBenchmarks() throws {
        let run = try CaesarRun(["bench", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("encrypt") && run.stdout.contains("crack"))
    }
}
