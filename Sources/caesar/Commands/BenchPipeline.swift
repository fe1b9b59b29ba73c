import ArgumentParser
import CaesarIO
import CaesarText

extension Bench {
    /// `caesar bench pipeline`: MB/s of the corpus path and of encode + restore.
    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Measure the text pipeline's throughput in MB/s (1 MB = 10^6 bytes of UTF-8 input).",
            discussion: """
                Paths: the corpus stream for training (CorpusEncoder: indices, no \
                sentences), encode (all stages, with ICU sentence breaks and the restoration \
                record), restore (the record back to text), and encode + restore together, \
                which is what the decrypter does. The input is a text repeated to \
                --megabytes; the default text is Corpora/en-the-lighthouse-letters.txt in the \
                source tree. Build with -c release for meaningful figures.
                """
        )

        @Option(help: ArgumentHelp("The text to measure on (UTF-8); default: the English text in Corpora/.", valueName: "path"))
        var corpus: String?

        @Option(help: ArgumentHelp("Repeat the text to at least this many MB.", valueName: "n"))
        var megabytes: Double = 16

        @Option(help: ArgumentHelp("How many timed runs of each path (best and median are shown).", valueName: "n"))
        var repeats = 5

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            guard megabytes > 0, megabytes <= 1024 else { throw ValidationError("--megabytes must be more than 0 and at most 1024") }
            guard (1...100).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 100") }
            if corpus == "" { throw ValidationError("--corpus needs a file path") }
        }

        func run() throws {
            let path = corpus ?? PipelineBenchmark.defaultCorpus
            let text = try TextInput(.file(path: path)).readAll(limit: 1 << 30)
            let result = try PipelineBenchmark(source: path, text: text, megabytes: megabytes, repeats: repeats).run()
            let output = try TextOutput(.standardOutput)
            if json { try JSONReport.write(result, to: output) } else { try output.write(result.rendered()) }
            try output.finish()
        }
    }
}

/// The measurement behind `caesar bench pipeline`.
struct PipelineBenchmark {
    /// The in-repo English text, found from this source file (the binary runs in its checkout).
    static let defaultCorpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Sources/caesar/Commands/BenchPipeline.swift
        return (parts + ["Corpora", "en-the-lighthouse-letters.txt"]).joined(separator: "/")
    }()

    struct Result: Encodable {
        let source: String
        let sourceBytes: Int
        let inputBytes: Int
        let asciiPercent: Double
        let repeats: Int
        let debugBuild: Bool
        let paths: [Throughput]
    }

    let source: String
    let sample: String
    let sourceBytes: Int
    let repeats: Int

    init(source: String, text: String, megabytes: Double, repeats: Int) throws {
        guard !text.utf8.isEmpty else {
            throw ValidationError("the text to measure on, '\(source)', is empty")
        }
        let target = Int(megabytes * 1e6)
        let copies = (target + text.utf8.count - 1) / text.utf8.count
        self.source = source
        self.sample = Array(repeating: text, count: max(copies, 1)).joined(separator: "\n")
        self.sourceBytes = text.utf8.count
        self.repeats = repeats
    }

    func run() throws -> Result {
        let bytes = sample.utf8.count
        let corpus = try CorpusEncoder()
        let pipeline = try TextPipeline()
        var sink = 0  // keeps the optimizer from dropping the work
        let encoding = try pipeline.encode(sample)
        let paths = [
            Throughput.measure("corpus indices", bytes: bytes, repeats: repeats) { sink &+= corpus.indices(of: sample).count },
            try Throughput.measure("encode", bytes: bytes, repeats: repeats) { sink &+= try pipeline.encode(sample).indices.count },
            Throughput.measure("restore", bytes: bytes, repeats: repeats) {
                sink &+= encoding.record.restore(indices: encoding.indices).utf8.count
            },
            try Throughput.measure("encode + restore", bytes: bytes, repeats: repeats) {
                let encoding = try pipeline.encode(sample)
                sink &+= encoding.record.restore(indices: encoding.indices).utf8.count
            },
        ]
        precondition(sink != 0 || bytes == 0)
        let ascii = sample.utf8.lazy.filter { $0 < 0x80 }.count
        return Result(
            source: source, sourceBytes: sourceBytes, inputBytes: bytes,
            asciiPercent: (Double(ascii) / Double(bytes) * 1000).rounded() / 10,
            repeats: repeats, debugBuild: isDebugBuild, paths: paths)
    }
}

extension PipelineBenchmark.Result {
    func rendered() -> String {
        func number(_ x: Double) -> String {
            let tenths = Int((x * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }
        let megabytes = inputBytes >= 10_000_000 ? number(Double(inputBytes) / 1e6)
            : String(Double((Double(inputBytes) / 1e4).rounded()) / 100)
        var lines = [
            "input     \(source)",
            "          \(sourceBytes) bytes repeated to \(inputBytes) bytes (\(megabytes) MB), \(number(asciiPercent))% ASCII bytes",
            "repeats   \(repeats) timed runs a path, after one warm-up run",
            "",
            "path                  best MB/s   median MB/s",
        ]
        for path in paths {
            let best = number(path.bestMBps), median = number(path.medianMBps)
            lines.append(path.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(1, 11 - best.count)) + best
                + String(repeating: " ", count: max(1, 14 - median.count)) + median)
        }
        if debugBuild {
            lines += ["", "note: a debug build; for real figures build with 'swift build -c release'"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
