import Testing

/// The tour at the top of the README: its single commands stand in ```console blocks and run
/// again here, with the shipped default model, and must print exactly what is shown.
@Suite struct TourTests {
    static let examples = ConsoleExample.all(in: "README.md", section: "A tour")

    @Test func theTourShowsTheCipherTheNetworkAndTheScorers() {
        #expect(Self.examples.map { $0.arguments.first ?? "" } == ["encrypt", "decrypt", "encrypt", "decrypt", "decrypt", "crack"])
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.stderr.isEmpty && run.status == 0)
        #expect(run.stdout == example.output)
    }
}
