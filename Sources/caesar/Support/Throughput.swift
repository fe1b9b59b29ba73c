/// Times a piece of work over several repeats and reports it as MB/s (1 MB = 10⁶ bytes).
struct Throughput: Encodable {
    /// What was measured ("encode + restore").
    let name: String
    /// MB/s of the fastest repeat: the least disturbed by other work on the machine.
    let bestMBps: Double
    /// MB/s of the median repeat.
    let medianMBps: Double

    /// Runs `body` once to warm up, then `repeats` times, each over `bytes` bytes of input.
    static func measure(_ name: String, bytes: Int, repeats: Int, _ body: () throws -> Void) rethrows -> Throughput {
        let seconds = try timedRuns(repeats, body).map { max($0, 1e-9) }  // a clock tick, never zero: JSON has no infinity
        let megabytes = Double(bytes) / 1e6
        return Throughput(name: name, bestMBps: megabytes / seconds[0], medianMBps: megabytes / seconds[seconds.count / 2])
    }
}

/// Runs `body` once to warm up, then `repeats` times: the seconds each run took, fastest first.
func timedRuns(_ repeats: Int, _ body: () throws -> Void) rethrows -> [Double] {
    precondition(repeats >= 1, "measure at least once")
    let clock = ContinuousClock()
    try body()
    var seconds: [Double] = []
    for _ in 0..<repeats {
        let elapsed = try clock.measure(body)
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return seconds.sorted()
}

/// Whether this binary was built for debugging, where loops run many times slower.
var isDebugBuild: Bool {
    #if DEBUG
    return true
    #else
    return false
    #endif
}
