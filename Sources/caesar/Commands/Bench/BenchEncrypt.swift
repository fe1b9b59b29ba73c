import ArgumentParser
import CaesarBenchmarks
import CaesarIO
import Foundation

extension Bench {
    /// `caesar bench encrypt`: `caesar encrypt --key 3` against `tr` on the same file.
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare encryption throughput with tr doing the same rotation, on one file in one run.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar bench encrypt [<options>]",
            discussion: """
                Runs `tr 'A-Za-z' 'D-ZA-Cd-za-c'` and `caesar encrypt --key 3` as separate processes, each \
                reading the file on standard input and writing to /dev/null, --repeat times, alternating; \
                reports each one's best wall-clock time as MB/s (10^6 bytes a second), its best CPU time \
                (user + system, steadier on a busy machine), and caesar's speed as a multiple of tr's by \
                both. Then runs both once more into files and checks that they agree byte for byte. The \
                input is --input FILE, or generated text (letters of both cases, spaces, punctuation, some \
                accented letters) of --size MiB.

                Examples:
                  caesar bench encrypt
                  caesar bench encrypt --size 64 --repeat 3
                """
        )

        @Option(help: ArgumentHelp("Generate this many MiB of text to encrypt.", valueName: "mib"))
        var size = 256

        @Option(name: [.customShort("i"), .long], help: ArgumentHelp("Encrypt this file instead of generated text.", valueName: "path"))
        var input: String?

        @Option(help: ArgumentHelp("Time each command this many times and keep the best.", valueName: "n"))
        var `repeat` = 5

        @Option(help: ArgumentHelp("Seed of the generated text.", valueName: "s"))
        var seed: UInt64 = 0

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            if !(1...65536).contains(size) { throw ValidationError("--size must be between 1 and 65536 MiB, got \(size)") }
            if `repeat` < 1 { throw ValidationError("--repeat must be at least 1, got \(`repeat`)") }
            if input == "" { throw ValidationError("--input needs a file path") }
        }

        func run() throws {
            let folder = try BenchmarkText.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            if let input { _ = try TextInput(.file(path: input)) }  // a missing file fails here, with the IO message
            let file = try input ?? BenchmarkText.write(mebibytes: size, seed: seed, into: folder)
            let report = try EncryptionBenchmark.measure(file, repeat: `repeat`, scratch: folder)
            if json { try JSONReport.print(report) } else { print(report.rendered()) }
        }

    }
}
