import Testing

/// The tutorial in the top-level README: its commands that need no trained model stand in
/// ```console blocks and are run again here, and must print exactly what is shown. (Those
/// that read the models it trains stand in ```text blocks: their numbers depend on the
/// machine that trained them, and training them takes minutes in a debug build.)
@Suite struct TutorialTests {
    static let examples = ConsoleExample.all(in: "README.md", section: "Tutorial")

    @Test func everyCommandWithoutAModelIsChecked() {
        #expect(Self.examples.map { $0.arguments.first ?? "" } == ["encrypt", "tokenize", "gradcheck", "gradcheck"])
        #expect(Self.examples[0].arguments == ["encrypt", "--shift", "3", "The sea is not as deep as you think."])
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.stderr.isEmpty && run.status == 0)
        #expect(run.stdout == example.output)
    }
}
