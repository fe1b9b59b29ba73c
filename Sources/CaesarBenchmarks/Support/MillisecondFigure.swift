import Foundation

/// How long a piece of work takes in milliseconds over repeated runs (after one untimed run):
/// the median, and the fastest, the least disturbed by other work on the machine.
public struct MillisecondFigure: Encodable, Sendable {
    public let median: Double
    public let min: Double

    public init(runs: Int, _ body: () throws -> Void) rethrows {
        let seconds = try timedRuns(runs, body)
        median = seconds[seconds.count / 2] * 1000
        min = seconds[0] * 1000
    }
}

/// The size in bytes of the file at `path`; 0 when it cannot be read (a benchmark prints it
/// beside its figures, it does not judge the file).
func fileSize(atPath path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}
