import Foundation
import Testing

/// The lessons' tutorial (Sources/CaesarLessons/README.md) shows real commands with their
/// output in ```console blocks; each is run again here and must print exactly that.
@Suite struct LessonTutorialTests {
    static let examples = ConsoleExample.all(in: "Sources/CaesarLessons/README.md")

    /// Every ```console block is read as an example (none skipped by the parser), and they
    /// walk through the four lessons in the tutorial's order.
    @Test func everyConsoleBlockIsAnExampleOfTheLessons() throws {
        let text = try String(contentsOfFile: SourceTree.path("Sources/CaesarLessons/README.md"), encoding: .utf8)
        #expect(Self.examples.count == text.components(separatedBy: "```console\n").count - 1)
        let lessons = Self.examples.map { $0.arguments.prefix(2).joined(separator: " ") }
        #expect(lessons == ["lesson bptt", "lesson bptt", "lesson bptt", "lesson bptt", "lesson bptt", "lesson lstm",
                            "lesson gradients", "lesson gradients", "lesson shapes", "lesson shapes"])
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.stderr.isEmpty)
        #expect(run.status <= 1)  // 1 is a --check that found a wrong answer
        #expect(run.stdout == example.output)
    }
}
