import CaesarBenchmarks

extension PipelineBenchmark.Result {
    /// The figures as `caesar bench pipeline` prints them.
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
