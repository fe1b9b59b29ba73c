import ArgumentParser
import CaesarBenchmarks
import CaesarIO
import CaesarNeural

extension Bench {
    /// `caesar bench neural`: training and inference speed of the reference configurations.
    struct Neural: ParsableCommand, MatrixHeavyCommand {
        static let configuration = CommandConfiguration(
            abstract: "Training and inference speed of the neural core (characters per second, latency, GFLOP/s).",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar bench neural [<options>]",
            discussion: """
                Measures a training step (forward, cross-entropy, BPTT, clip 5, Adam) on B \
                sequences of 64 steps; inference on 256 × 64; and the latency of one \
                100-character sequence. Each figure is the median of --repeats runs; 'others' is \
                the CPU other processes used meanwhile (a figure taken while it is well above 0 \
                is not to be trusted). PyTorch's side of the same measurements is \
                Tests/CaesarNeuralTests/Golden/bench_pytorch.py (the README's Speed section).

                Examples:
                  caesar bench neural
                  caesar bench neural --configs lstm256 --measure latency --threads 1
                """)

        @Option(parsing: .upToNextOption, help: "Configurations to measure (\(Architecture.presets.map(\.name).joined(separator: ", "))).")
        var configs = ["rnn128", "lstm128", "lstm256", "lstm2x256", "bilstm128"]

        @Option(parsing: .upToNextOption, help: "Training batch sizes.")
        var batches = [32, 128]

        @Option(help: "Worker threads (each with single-threaded BLAS).")
        var threads = 2

        @Option(help: "Timed runs per figure.")
        var repeats = 5

        @Option(help: "Minimum seconds per timed run.")
        var minSeconds = 1.0

        enum Measurement: String, ExpressibleByArgument, CaseIterable { case train, infer, latency, products }

        @Option(parsing: .upToNextOption, help: "What to measure (train, infer, latency; products: one core's GFLOP/s on each step's recurrent products, BLAS vs packed weights).")
        var measure: [Measurement] = [.train, .infer, .latency]

        @Flag(help: "Print the results as JSON.")
        var json = false

        func validate() throws {
            for name in configs where Architecture.preset(named: name) == nil {
                throw ValidationError("unknown configuration '\(name)'; choose from \(Architecture.presets.map(\.name).joined(separator: ", "))")
            }
            guard batches.allSatisfy({ $0 > 0 }), threads > 0, repeats > 0, minSeconds > 0 else {
                throw ValidationError("batch sizes, --threads, --repeats and --min-seconds must be positive")
            }
        }

        func run() throws {
            let output = try TextOutput(.standardOutput)
            let benchmark = NeuralBenchmark(repeats: repeats, minimumSeconds: minSeconds, threads: threads)
            let printLine: (String) -> Void = { line in
                if !json { try? output.write(line + "\n"); try? output.flush() }
            }
            var report = NeuralSpeedReport.measure(
                configs: configs, batches: measure.contains(.train) ? batches : [], inference: measure.contains(.infer),
                latency: measure.contains(.latency), benchmark: benchmark, print: printLine)
            if measure.contains(.products) {
                report.products = RecurrentProductReport.measure(configs: configs, batches: batches, benchmark: benchmark, print: printLine)
            }
            if json { try JSONReport.write(report, to: output) }
            try output.finish()
        }
    }
}
