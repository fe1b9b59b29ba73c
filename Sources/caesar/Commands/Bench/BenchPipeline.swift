import ArgumentParser
import CaesarIO
import CaesarBenchmarks

#if canImport(Glibc)
import Glibc
#endif

extension Bench {
    /// `caesar bench pipeline`: MB/s of the corpus path and of encode + restore.
    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "Measure the text pipeline's throughput in MB/s (1 MB = 10^6 bytes of UTF-8 input).",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar bench pipeline [<options>]",
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

                Examples:
                  caesar bench pipeline
                  caesar bench pipeline --corpus book.txt --megabytes 32
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

