import Testing

@testable import caesar

@Suite struct ThroughputTests {
    @Test func warmsUpOnceThenRunsEachRepeat() {
        var calls = 0
        let result = Throughput.measure("count", bytes: 1_000, repeats: 4) { calls += 1 }
        #expect(calls == 5)
        #expect(result.name == "count")
        #expect(result.bestMBps >= result.medianMBps)
        #expect(result.medianMBps > 0)
    }
}
