import ArgumentParser
import CaesarIO
import Foundation

extension Bench {
    /// `caesar bench encrypt`: `caesar encrypt --key 3` against `tr` on the same file.
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare encryption throughput with tr doing the same rotation, on one file in one run.",
            discussion: """
                Runs `tr 'A-Za-z' 'D-ZA-Cd-za-c'` and `caesar encrypt --key 3` as separate processes, each \
                reading the file on standard input and writing to /dev/null, --repeat times, alternating; \
                reports each one's best wall-clock time as MB/s (10^6 bytes a second), its best CPU time \
                (user + system, steadier on a busy machine), and caesar's speed as a multiple of tr's by \
                both. Then runs both once more into files and checks that they agree byte for byte. The \
                input is --input FILE, or generated text (letters of both cases, spaces, punctuation, some \
                accented letters) of --size MiB.
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

        struct Report: Encodable {
            struct Figures: Encodable {
                let command: String
                /// The best of the runs, wall clock and CPU (user + system).
                let seconds, cpuSeconds: Double
                /// Bytes per best wall-clock second, in 10^6.
                let megabytesPerSecond: Double
            }
            let bytes, runs: Int
            let tr, caesar: Figures
            /// caesar's throughput over tr's: wall clock, and by CPU time.
            let ratio, cpuRatio: Double
            let outputsAgree: Bool
        }

        func validate() throws {
            if !(1...65536).contains(size) { throw ValidationError("--size must be between 1 and 65536 MiB, got \(size)") }
            if `repeat` < 1 { throw ValidationError("--repeat must be at least 1, got \(`repeat`)") }
            if input == "" { throw ValidationError("--input needs a file path") }
        }

        func run() throws {
            let folder = try BenchText.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            if let input { _ = try TextInput(.file(path: input)) }  // a missing file fails here, with the IO message
            let file = try input ?? BenchText.write(mebibytes: size, seed: seed, into: folder)
            let report = try Encrypt.measure(file, repeat: `repeat`, scratch: folder)
            if json {
                try JSONReport.print(report)
            } else {
                print(Encrypt.describe(report))
            }
        }

        static func measure(_ file: String, repeat count: Int, scratch: String) throws -> Report {
            let tr = ["tr", "A-Za-z", "D-ZA-Cd-za-c"]
            let caesar = [Subprocess.currentExecutable, "encrypt", "--key", "3"]
            let bytes = try BenchText.size(of: file)
            // Interleaved, so that both see the same load on a shared machine.
            var trRuns: [Subprocess.Timing] = [], caesarRuns: [Subprocess.Timing] = []
            for _ in 0..<count {
                trRuns.append(try Subprocess.time(tr, input: file, output: "/dev/null"))
                caesarRuns.append(try Subprocess.time(caesar, input: file, output: "/dev/null"))
            }
            let trOut = scratch + "/tr.out", caesarOut = scratch + "/caesar.out"
            _ = try Subprocess.time(tr, input: file, output: trOut)
            _ = try Subprocess.time(caesar, input: file, output: caesarOut)
            if let offset = try Subprocess.firstDifference(trOut, caesarOut) {
                throw CommandError.outputsDiffer(first: tr.joined(separator: " "), second: "caesar encrypt --key 3", offset: offset)
            }
            func figures(_ name: String, _ runs: [Subprocess.Timing]) -> Report.Figures {
                let wall = runs.map(\.wall).min()!
                return Report.Figures(command: name, seconds: wall, cpuSeconds: runs.map(\.cpu).min()!, megabytesPerSecond: Double(bytes) / 1e6 / wall)
            }
            let trFigures = figures("tr 'A-Za-z' 'D-ZA-Cd-za-c'", trRuns), caesarFigures = figures("caesar encrypt --key 3", caesarRuns)
            return Report(bytes: bytes, runs: count, tr: trFigures, caesar: caesarFigures,
                          ratio: trFigures.seconds / caesarFigures.seconds,
                          cpuRatio: trFigures.cpuSeconds / caesarFigures.cpuSeconds, outputsAgree: true)
        }

        static func describe(_ r: Report) -> String {
            func line(_ f: Report.Figures) -> String {
                f.command.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: "%8.3f s  %8.1f MB/s   cpu %.3f s", f.seconds, f.megabytesPerSecond, f.cpuSeconds)
            }
            return """
                input: \(r.bytes) bytes; best of \(r.runs) interleaved runs each, output to /dev/null; \
                outputs agree: \(r.outputsAgree ? "yes" : "no")
                \(line(r.tr))
                \(line(r.caesar))
                caesar / tr: \(String(format: "%.2f", r.ratio))× the throughput (wall clock), \
                \(String(format: "%.2f", r.cpuRatio))× by CPU time
                """
        }
    }
}
