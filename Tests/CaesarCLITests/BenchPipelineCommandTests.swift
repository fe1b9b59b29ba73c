import Foundation
import Testing

import CaesarBenchmarks

@Suite struct BenchPipelineCommandTests {
    private func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-bench-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func helpNamesThePathsAndOptions() throws {
        let run = try CaesarRun(["bench", "pipeline", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("OVERVIEW: Measure the text pipeline's throughput in MB/s (1 MB = 10^6 bytes of\nUTF-8 input).\n"))
        #expect(run.stdout.contains("USAGE: caesar bench pipeline [<options>]"))
        #expect(run.stdout.contains("--corpus <path>") && run.stdout.contains("--megabytes <n>") && run.stdout.contains("--repeats <n>"))
        let group = try CaesarRun(["bench", "--help"])
        #expect(group.stdout.contains("pipeline"))
    }

    @Test func printsEveryPathWithItsSizeAndRepeats() throws {
        let corpus = try file(Array("Hello there. Ça va? ".utf8))
        defer { try? FileManager.default.removeItem(at: corpus) }
        let run = try CaesarRun(["bench", "pipeline", "--corpus", corpus.path, "--megabytes", "0.01", "--repeats", "2"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        // 477 copies of 21 bytes and the 476 line feeds between them
        #expect(run.stdout.hasPrefix("input     \(corpus.path)\n          21 bytes, repeated, to 10493 bytes (0.01 MB), 90.9% ASCII bytes\n"))
        #expect(run.stdout.contains("repeats   2 timed runs a path, after one warm-up run"))
        for path in ["corpus indices", "normalize + filter", "encode", "restore", "encode + restore"] {
            #expect(run.stdout.contains("\n\(path) "), "\(path)")
        }
    }

    @Test func jsonHasFiguresForEveryPath() throws {
        let run = try CaesarRun(["bench", "pipeline", "--megabytes", "0.02", "--repeats", "1", "--json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["source"] as? String)?.hasSuffix("Corpora/en-the-lighthouse-letters.txt") == true)
        #expect((object["inputBytes"] as? Int ?? 0) >= 20_000)
        #expect(object["repeats"] as? Int == 1)
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.map { $0["name"] as? String } == ["corpus indices", "normalize + filter", "encode", "restore", "encode + restore"])
        for path in paths {
            #expect((path["bestMBps"] as? Double ?? 0) > 0)
            #expect((path["medianMBps"] as? Double ?? 0) > 0)
        }
    }

    @Test func theDefaultTextIsTheInRepoStorysWordsInSeededRandomOrder() throws {
        let arguments = ["bench", "pipeline", "--megabytes", "0.01", "--repeats", "1", "--json"]
        let first = try CaesarRun(arguments + ["--seed", "7"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["sample"] as? String == "its words drawn at random (seed 7)")
        #expect(object["sourceBytes"] as? Int == 9341)
        #expect((object["inputBytes"] as? Int ?? 0) >= 10_000)
        #expect((object["inputBytes"] as? Int ?? 0) < 10_100)
    }

    @Test func randomWordsAreReproducibleAndWrapped() {
        let text = "The sea is not as deep as you think."
        let a = PipelineBenchmark.randomWords(of: text, bytes: 500, seed: 3)
        #expect(a == PipelineBenchmark.randomWords(of: text, bytes: 500, seed: 3))
        #expect(a != PipelineBenchmark.randomWords(of: text, bytes: 500, seed: 4))
        #expect(a.utf8.count >= 500 && a.utf8.count < 520)
        #expect(a.split(separator: "\n").allSatisfy { $0.utf8.count <= 70 })
        #expect(Set(a.split(whereSeparator: \.isWhitespace)).isSubset(of: Set(text.split(separator: " "))))
    }

    @Test func badInputAndFlagsAreOneLineErrors() throws {
        let empty = try file([])
        let binary = try file([0x61, 0xC3, 0x28])
        defer {
            try? FileManager.default.removeItem(at: empty)
            try? FileManager.default.removeItem(at: binary)
        }
        let cases: [([String], Int32, String)] = [
            (["--megabytes", "0"], 64, "--megabytes must be more than 0 and at most 256; hint: see 'caesar bench pipeline --help'"),
            (["--megabytes", "300"], 64, "--megabytes must be more than 0 and at most 256"),
            (["--corpus", "/dev/zero"], 1, "cannot read file '/dev/zero': it is a device, not a text file; hint: "),
            (["--repeats", "0"], 64, "--repeats must be between 1 and 100"),
            (["--corpus", ""], 64, "--corpus needs a file path"),
            (["--corpus", "/no/such/file"], 1, "cannot open '/no/such/file': No such file or directory; hint: "),
            (["--corpus", empty.path], 1, "the text to measure on, '\(empty.path)', is empty; hint: "),
            (["--corpus", binary.path], 1, "invalid UTF-8 in file '\(binary.path)' at byte 1; hint: "),
        ]
        for (arguments, status, message) in cases {
            let run = try CaesarRun(["bench", "pipeline"] + arguments)
            #expect(run.status == status, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.hasPrefix("caesar: error: \(message)"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(arguments)")
        }
    }
}
