import Testing

/// The tour at the top of the README: its single commands stand in ```console blocks and run
/// again here, with the shipped models, and must print exactly what is shown: what a terminal
/// shows, the key line (standard error) before the plaintext (standard output).
@Suite struct TourTests {
    static let examples = ConsoleExample.all(in: "README.md", section: "A tour")

    @Test func theTourShowsTheCipherTheNetworkAndTheScorers() {
        #expect(Self.examples.map { $0.arguments.first ?? "" } == ["encrypt", "decrypt", "decrypt", "decrypt", "crack", "decrypt", "crack"])
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.status == 0)
        #expect(run.stderr + run.stdout == example.output)
    }
}
