import ArgumentParser
import CaesarIO
import CaesarRandom
import CaesarText

#if canImport(Glibc)
import Glibc
#endif

extension Bench {
    /// `caesar bench pipeline`: MB/s of the corpus path and of encode + restore.
    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Measure the text pipeline's throughput in MB/s (1 MB = 10^6 bytes of UTF-8 input).",
            discussion: """
                Paths: the corpus stream for training (CorpusEncoder: indices, no \
                sentences), stages a and b as the strings a learner inspects (normalize, then \
                filter), encode (all stages, with ICU sentence breaks and the restoration \
                record), restore (the record back to text), and encode + restore together, \
                which is what the decrypter does. Build with -c release for meaningful figures.

                The input is --megabytes of text: a --corpus file repeated, or by default the \
                words of Corpora/en-the-lighthouse-letters.txt (in the source tree) drawn at \
                random into lines of about 70 characters. Random, because a 9 KB text \
                repeated becomes a pattern the CPU's branch predictor learns, which would \
                overstate the speed two or three times.
                """
        )

        @Option(help: ArgumentHelp("The text to measure on (UTF-8); default: the English text in Corpora/.", valueName: "path"))
        var corpus: String?

        @Option(help: ArgumentHelp("How much text to measure on, at least, in MB.", valueName: "n"))
        var megabytes: Double = 16

        @Option(help: ArgumentHelp("The seed for drawing the default text's words.", valueName: "n"))
        var seed: UInt64 = 0

        @Option(help: ArgumentHelp("How many timed runs of each path (best and median are shown).", valueName: "n"))
        var repeats = 5

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            guard megabytes > 0, megabytes <= 256 else { throw ValidationError("--megabytes must be more than 0 and at most 256") }
            guard (1...100).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 100") }
            if corpus == "" { throw ValidationError("--corpus needs a file path") }
        }

        func run() throws {
            let path = corpus ?? PipelineBenchmark.defaultCorpus
            if corpus == nil && access(path, R_OK) != 0 {
                throw ValidationError("the default text \(path) is not there (this binary was built in another checkout); give --corpus FILE")
            }
            let text = try TextInput(.file(path: path)).readAll(limit: 64 << 20)
            let sample = corpus == nil ? PipelineBenchmark.Sample.randomWords(seed: seed) : .repeated
            let result = try PipelineBenchmark(source: path, text: text, sample: sample, megabytes: megabytes, repeats: repeats).run()
            let output = try TextOutput(.standardOutput)
            if json { try JSONReport.write(result, to: output) } else { try output.write(result.rendered()) }
            try output.finish()
        }
    }
}

/// The measurement behind `caesar bench pipeline`.
struct PipelineBenchmark {
    /// The in-repo English text, in the checkout the binary was built from.
    static let defaultCorpus = SourceCheckout.englishText

    /// How the measured text is made from the source text.
    enum Sample: Equatable {
        /// The source repeated, separated by line feeds.
        case repeated
        /// The source's words (with their punctuation) drawn at random, one space between
        /// them and a line feed once a line passes 70 characters.
        case randomWords(seed: UInt64)
    }

    struct Result: Encodable {
        let source: String
        let sourceBytes: Int
        let sample: String
        let inputBytes: Int
        let asciiPercent: Double
        let repeats: Int
        let debugBuild: Bool
        let paths: [Throughput]
    }

    let source: String
    let sourceBytes: Int
    let sampleDescription: String
    let text: String
    let repeats: Int

    init(source: String, text: String, sample: Sample, megabytes: Double, repeats: Int) throws {
        guard !text.utf8.isEmpty else {
            throw ValidationError("the text to measure on, '\(source)', is empty")
        }
        let target = Int(megabytes * 1e6)
        switch sample {
        case .repeated:
            let copies = (target + text.utf8.count - 1) / text.utf8.count
            self.text = Array(repeating: text, count: max(copies, 1)).joined(separator: "\n")
            sampleDescription = "repeated"
        case .randomWords(let seed):
            self.text = Self.randomWords(of: text, bytes: target, seed: seed)
            sampleDescription = "its words drawn at random (seed \(seed))"
        }
        self.source = source
        self.sourceBytes = text.utf8.count
        self.repeats = repeats
    }

    /// At least `bytes` bytes of `text`'s whitespace-separated words in random order.
    static func randomWords(of text: String, bytes: Int, seed: UInt64) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return text }
        var generator = SeededGenerator(seed: seed)
        var result = ""
        result.reserveCapacity(bytes + 100)
        var line = 0
        while result.utf8.count < bytes {
            let word = words[generator.uniformInt(below: words.count)]
            if line > 0 && line + 1 + word.utf8.count > 70 {
                result += "\n"
                line = 0
            } else if line > 0 {
                result += " "
                line += 1
            }
            result += word
            line += word.utf8.count
        }
        return result
    }

    func run() throws -> Result {
        let sample = text
        let bytes = sample.utf8.count
        let corpus = try CorpusEncoder()
        let pipeline = try TextPipeline()
        var sink = 0  // keeps the optimizer from dropping the work
        let encoding = try pipeline.encode(sample)
        let paths = [
            Throughput.measure("corpus indices", bytes: bytes, repeats: repeats) { sink &+= corpus.indices(of: sample).count },
            Throughput.measure("normalize + filter", bytes: bytes, repeats: repeats) {
                sink &+= pipeline.filter(pipeline.normalize(sample)).utf8.count
            },
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
            source: source, sourceBytes: sourceBytes, sample: sampleDescription, inputBytes: bytes,
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
            "          \(sourceBytes) bytes, \(sample), to \(inputBytes) bytes (\(megabytes) MB), \(number(asciiPercent))% ASCII bytes",
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
