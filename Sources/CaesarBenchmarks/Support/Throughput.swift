/// Times a piece of work over several repeats and reports it as MB/s (1 MB = 10⁶ bytes).
public struct Throughput: Encodable, Sendable {
    /// What was measured ("encode + restore").
    public let name: String
    /// MB/s of the fastest repeat: the least disturbed by other work on the machine.
    public let bestMBps: Double
    /// MB/s of the median repeat.
    public let medianMBps: Double

    /// Runs `body` once to warm up, then `repeats` times, each over `bytes` bytes of input.
    public static func measure(_ name: String, bytes: Int, repeats: Int, _ body: () throws -> Void) rethrows -> Throughput {
        Throughput(name: name, bytes: bytes, seconds: try timedRuns(repeats, body))
    }

    /// The rates of runs over `bytes` bytes that took `seconds` each (any order).
    init(name: String, bytes: Int, seconds: [Double]) {
        precondition(!seconds.isEmpty, "a rate needs a run")
        let seconds = seconds.map { max($0, 1e-9) }.sorted()  // a clock tick, never zero: JSON has no infinity
        let megabytes = Double(bytes) / 1e6
        self.init(name: name, bestMBps: megabytes / seconds[0], medianMBps: megabytes / seconds[seconds.count / 2])
    }

    init(name: String, bestMBps: Double, medianMBps: Double) {
        self.name = name
        self.bestMBps = bestMBps
        self.medianMBps = medianMBps
    }
}

/// Runs `body` once to warm up, then `repeats` times: the seconds each run took, fastest first.
public func timedRuns(_ repeats: Int, _ body: () throws -> Void) rethrows -> [Double] {
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
public var isDebugBuild: Bool {
    #if DEBUG
    return true
    #else
    return false
    #endif
}
