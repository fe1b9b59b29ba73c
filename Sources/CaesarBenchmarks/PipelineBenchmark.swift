import CaesarIO
import CaesarRandom
import CaesarText

/// The measurement behind `caesar bench pipeline`.
public struct PipelineBenchmark {
    /// The in-repo English text, in the checkout the binary was built from.
    public static let defaultCorpus = SourceCheckout.englishText

    /// How the measured text is made from the source text.
    public enum Sample: Equatable, Sendable {
        /// The source repeated, separated by line feeds.
        case repeated
        /// The source's words (with their punctuation) drawn at random, one space between
        /// them and a line feed once a line passes 70 characters.
        case randomWords(seed: UInt64)
    }

    public struct Result: Encodable, Sendable {
        public let source: String
        public let sourceBytes: Int
        public let sample: String
        public let inputBytes: Int
        public let asciiPercent: Double
        public let repeats: Int
        public let debugBuild: Bool
        public let paths: [Throughput]
    }

    let source: String
    let sourceBytes: Int
    let sampleDescription: String
    let text: String
    let repeats: Int

    public init(source: String, text: String, sample: Sample, megabytes: Double, repeats: Int) throws {
        guard !text.utf8.isEmpty else {
            throw BenchmarkError.emptyText(source: source)
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
    public static func randomWords(of text: String, bytes: Int, seed: UInt64) -> String {
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

    public func run() throws -> Result {
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
