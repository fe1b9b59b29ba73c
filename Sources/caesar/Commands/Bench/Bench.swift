import ArgumentParser

/// `caesar bench …`: benchmarks that print figures (speed targets live here, not in tests).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure speed and print figures (throughput, latency, ratios to baselines).",
        subcommands: [Encrypt.self, Crack.self, Pipeline.self, Neural.self, Model.self]
    )
}
