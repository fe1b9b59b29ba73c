import CaesarBenchmarks
import Foundation

extension EncryptionBenchmark.Report {
    /// The figures as `caesar bench encrypt` prints them.
    func rendered() -> String {
        func line(_ f: Figures) -> String {
            f.command.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%8.3f s  %8.1f MB/s   cpu %.3f s", f.seconds, f.megabytesPerSecond, f.cpuSeconds)
        }
        return """
            input: \(bytes) bytes; best of \(runs) interleaved runs each, output to /dev/null; \
            outputs agree: \(outputsAgree ? "yes" : "no")
            \(line(tr))
            \(line(caesar))
            caesar / tr: \(String(format: "%.2f", ratio))× the throughput (wall clock), \
            \(String(format: "%.2f", cpuRatio))× by CPU time
            """
    }
}
