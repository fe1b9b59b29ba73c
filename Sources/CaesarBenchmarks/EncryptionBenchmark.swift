import Foundation

/// `caesar bench encrypt`: `caesar encrypt --key 3` against `tr` rotating the same file, each a
/// separate process reading standard input and writing to /dev/null.
public enum EncryptionBenchmark {
    public struct Report: Encodable, Sendable {
        public struct Figures: Encodable, Sendable {
            public let command: String
            /// The best of the runs, wall clock and CPU (user + system).
            public let seconds, cpuSeconds: Double
            /// Bytes per best wall-clock second, in 10^6.
            public let megabytesPerSecond: Double
        }
        public let bytes, runs: Int
        public let tr, caesar: Figures
        /// caesar's throughput over tr's: wall clock, and by CPU time.
        public let ratio, cpuRatio: Double
        public let outputsAgree: Bool
    }

    /// Times `tr` and this `caesar` (`executable`) encrypting `file`, `count` runs each,
    /// alternating, then checks that their outputs agree byte for byte (in `scratch`).
    public static func measure(_ file: String, repeat count: Int, scratch: String, executable: String = Subprocess.currentExecutable) throws -> Report {
        let tr = ["tr", "A-Za-z", "D-ZA-Cd-za-c"]
        let caesar = [executable, "encrypt", "--key", "3"]
        let bytes = try BenchmarkText.size(of: file)
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
            throw BenchmarkError.outputsDiffer(first: tr.joined(separator: " "), second: "caesar encrypt --key 3", offset: offset)
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
}
