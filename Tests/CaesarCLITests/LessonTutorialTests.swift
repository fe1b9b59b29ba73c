import Testing

/// The lessons' tutorial (Sources/CaesarLessons/README.md) shows real commands with their
/// output in ```console blocks; each is run again here and must print exactly that.
@Suite struct LessonTutorialTests {
    static let examples = ConsoleExample.all(in: "Sources/CaesarLessons/README.md")

    @Test func theTutorialHasExamples() {
        #expect(Self.examples.count >= 10)
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.stderr.isEmpty)
        #expect(run.status <= 1)  // 1 is a --check that found a wrong answer
        #expect(run.stdout == example.output)
    }
}
