import CaesarBenchmarks
import CaesarNeural
import Testing

/// What `caesar bench neural` computes besides its timings.
@Suite struct NeuralBenchmarkTests {
    /// The latency floor: 102 steps of W_hh read from L2 on every worker's core at once.
    @Test func latencyFloorReadsWhhEveryStepOnEveryCore() {
        let lstm128 = Architecture.preset(named: "lstm128")!
        // 262,144 bytes × 102 steps / (2 cores × 100 GB/s) = 0.13369344 ms
        #expect(abs(NeuralBenchmark(threads: 2).latencyFloor(lstm128, cacheReadGBPerSecond: 100) - 0.133_693_44) < 1e-12)
        #expect(abs(NeuralBenchmark(threads: 1).latencyFloor(lstm128, cacheReadGBPerSecond: 100) - 0.267_386_88) < 1e-12)
    }
}
