import ArgumentParser

/// `caesar bench …`: benchmarks that print figures (speed targets live here, not in tests).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure speed and print figures (throughput, latency, ratios to baselines).",
        discussion: """
            Build with 'swift build -c release' for figures that mean anything.

            Examples:
              caesar bench crack --lengths 5 20 --messages 100
              caesar bench encrypt --size 64
            """,
        subcommands: [Encrypt.self, Crack.self, Pipeline.self, Neural.self, Model.self]
    )
}
