import CaesarBenchmarks
import Foundation

extension CrackingBenchmark.Report {
    /// The figures as `caesar bench crack` prints them.
    func rendered() -> String {
        var text = ["scoring the 26 keys of a message, ms per message on \(threads) core\(threads == 1 ? "" : "s") (median of 5 passes; fastest–slowest)",
                    "method                      letters  messages          ms"]
        for row in scoring {
            text.append(row.method.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%7d  %8d  %10.4f  (%.4f–%.4f)", row.letters, row.messages, row.milliseconds, row.fastest, row.slowest))
        }
        text += ["", "loading a shipped model (read, check, build), ms: median, fastest"]
        for load in loading {
            let name = (load.file as NSString).lastPathComponent + " (" + (((load.file as NSString).deletingLastPathComponent as NSString).lastPathComponent) + ")"
            text.append(name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%9d bytes  %7.2f  %7.2f", load.bytes, load.milliseconds, load.fastest))
        }
        if let first = lines.first {
            text += ["", "many messages at once (decrypt --lines), \(first.letters)-letter messages on \(first.workers) core\(first.workers == 1 ? "" : "s"): messages per second (median of 5)"]
        }
        for row in lines {
            text.append(row.method.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%10.0f  (%d messages)", row.messagesPerSecond, row.messages))
        }
        text += ["", String(format: "caesar decrypt \"%@\": %.1f ms wall, start to end (median of 11)", CrackingBenchmark.example, decryptWallMilliseconds)]
        return text.joined(separator: "\n")
    }
}
