import CaesarNeural

/// The figures of `caesar bench neural`, printed row by row as they are measured.
public struct NeuralSpeedReport: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public let config: String
        public let threads: Int
        public let trainCharactersPerSecond: [String: NeuralBenchmark.Measurement]
        public let trainGFLOPS: [String: Double]
        public let inferenceCharactersPerSecond: NeuralBenchmark.Measurement?
        public let latencyMilliseconds: NeuralBenchmark.Measurement?
    }

    public let gemmPeakGFLOPS: Double
    /// One core's read bandwidth from its L2 cache (GB/s).
    public let cacheReadGBPerSecond: Double
    public let rows: [Row]
    /// With `--measure products`: one core's GFLOP/s on each step's recurrent products.
    public var products: [RecurrentProductReport.Row]?

    public static func measure(
        configs: [String], batches: [Int], inference: Bool, latency measureLatency: Bool, benchmark: NeuralBenchmark,
        print: (String) -> Void
    ) -> NeuralSpeedReport {
        let peak = NeuralBenchmark.gemmPeak()
        print("sgemm 512³ on one thread: \(format(peak, digits: 1)) GFLOP/s (the practical peak per core)")
        let bandwidth = NeuralBenchmark.cacheReadBandwidth()
        print("L2 read on one thread: \(format(bandwidth, digits: 1)) GB/s (what bounds a batch of one: W_hh is read every step)")
        print("threads: \(benchmark.threads); chars = steps × sequences; 'others' = cores used by other processes")
        var rows: [Row] = []
        for name in configs {
            let architecture = Architecture.preset(named: name)!
            var train: [String: NeuralBenchmark.Measurement] = [:], gflops: [String: Double] = [:]
            for batch in batches {
                let m = benchmark.training(architecture, batch: batch)
                train["b\(batch)"] = m
                gflops["b\(batch)"] = m.median * architecture.flopsPerCharacter(training: true) / 1e9
                print("train  \(pad(name, 12)) b\(pad(String(batch), 4)) \(rate(m.median)) chars/s  "
                    + "(min \(rate(m.minimum)), max \(rate(m.maximum)); \(format(gflops["b\(batch)"]!, digits: 1)) GFLOP/s; others \(others(m)))")
            }
            var infer: NeuralBenchmark.Measurement?, latency: NeuralBenchmark.Measurement?
            if inference {
                let m = benchmark.inference(architecture)
                infer = m
                print("infer  \(pad(name, 12)) b256 \(rate(m.median)) chars/s  (others \(others(m)))")
            }
            if measureLatency {
                let m = benchmark.latency(architecture)
                latency = m
                let floor = benchmark.latencyFloor(architecture, cacheReadGBPerSecond: bandwidth)
                print("latency \(pad(name, 11)) \(NeuralBenchmark.sentenceCharacters) chars: \(format(m.median, digits: 3)) ms  "
                    + "(min \(format(m.minimum, digits: 3)), max \(format(m.maximum, digits: 3)); "
                    + "W_hh from L2 on \(benchmark.threads) core\(benchmark.threads == 1 ? "" : "s") ≥ \(format(floor, digits: 3)) ms; others \(others(m)))")
            }
            rows.append(Row(config: name, threads: benchmark.threads, trainCharactersPerSecond: train, trainGFLOPS: gflops,
                            inferenceCharactersPerSecond: infer, latencyMilliseconds: latency))
        }
        return NeuralSpeedReport(gemmPeakGFLOPS: peak, cacheReadGBPerSecond: bandwidth, rows: rows)
    }

    private static func rate(_ value: Double) -> String { pad(String(Int(value.rounded())), 9, left: true) }
    private static func others(_ m: NeuralBenchmark.Measurement) -> String { m.othersCores.map { format($0, digits: 2) } ?? "n/a" }

    public static func format(_ value: Double, digits: Int) -> String {
        let scale = Double((0..<digits).reduce(1) { r, _ in r * 10 })
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    public static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
