import Foundation
import Testing

/// The lessons' tutorial (Sources/CaesarLessons/README.md) shows real commands with their
/// output in ```console blocks; each is run again here and must print exactly that.
@Suite struct LessonTutorialTests {
    struct Example: CustomTestStringConvertible {
        let command: String
        let output: String
        var testDescription: String { command }
    }

    static let examples: [Example] = {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CaesarLessons/README.md")
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        for block in text.components(separatedBy: "```console\n").dropFirst() {
            guard let end = block.range(of: "```\n") ?? block.range(of: "```") else { continue }
            let body = block[..<end.lowerBound]
            guard body.hasPrefix("$ caesar "), let newline = body.firstIndex(of: "\n") else { continue }
            examples.append(Example(command: String(body[body.index(body.startIndex, offsetBy: 2)..<newline]),
                                    output: String(body[body.index(after: newline)...])))
        }
        return examples
    }()

    @Test func theTutorialHasExamples() {
        #expect(Self.examples.count >= 10)
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: Example) throws {
        let run = try CaesarRun(Array(example.command.split(separator: " ").dropFirst().map(String.init)))
        #expect(run.stderr.isEmpty)
        #expect(run.status <= 1)  // 1 is a --check that found a wrong answer
        #expect(run.stdout == example.output)
    }
}
