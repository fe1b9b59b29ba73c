import Testing

@testable import CaesarBenchmarks

@Suite struct ThroughputTests {
    /// One warm-up run that is not timed, then one timed run per repeat.
    @Test func warmsUpOnceThenRunsEachRepeat() {
        var calls = 0
        let seconds = timedRuns(4) { calls += 1 }
        #expect(calls == 5)
        #expect(seconds.count == 4)
        #expect(seconds == seconds.sorted())
    }

    /// MB/s from the runs' seconds: the best from the fastest run, the median from the middle one.
    @Test func ratesComeFromTheFastestAndTheMiddleRun() {
        let result = Throughput(name: "count", bytes: 3_000_000, seconds: [1.5, 0.5, 3, 1, 6])
        #expect(result.name == "count")
        #expect(result.bestMBps == 6)
        #expect(result.medianMBps == 2)
    }

    /// A run too short for the clock counts as one nanosecond, so a rate is never infinite (JSON has no infinity).
    @Test func aRunOfNoMeasurableTimeStillHasAFiniteRate() {
        let result = Throughput(name: "nothing", bytes: 1_000, seconds: [0])
        #expect(result.bestMBps == 1e6)
    }
}
