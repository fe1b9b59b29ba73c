import Foundation
import Testing

/// A command and its output as a Markdown file shows them: a ```console block whose first
/// line is `$ caesar …` and whose other lines are exactly what the command prints.
struct ConsoleExample: CustomTestStringConvertible, Sendable {
    let command: String
    let output: String
    var testDescription: String { command }

    /// The arguments after `caesar`, split at spaces outside double quotes, quotes removed.
    var arguments: [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for ch in command.dropFirst("caesar ".count) {
            if ch == "\"" {
                quoted.toggle()
                started = true
            } else if ch == " " && !quoted {
                if started { words.append(word) }
                (word, started) = ("", false)
            } else {
                word.append(ch)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    /// Every such block of the file at `relativePath` in the source tree; with `section`, only
    /// those under that `## ` heading (up to the next one).
    static func all(in relativePath: String, section: String? = nil) -> [ConsoleExample] {
        guard var text = try? String(contentsOfFile: SourceTree.path(relativePath), encoding: .utf8) else { return [] }
        if let section {
            guard let start = text.range(of: "\n## \(section)\n") else { return [] }
            text = String(text[start.upperBound...])
            if let end = text.range(of: "\n## ") { text = String(text[..<end.lowerBound]) }
        }
        var examples: [ConsoleExample] = []
        for block in text.components(separatedBy: "```console\n").dropFirst() {
            guard let end = block.range(of: "```\n") ?? block.range(of: "```") else { continue }
            let body = block[..<end.lowerBound]
            guard body.hasPrefix("$ caesar "), let newline = body.firstIndex(of: "\n") else { continue }
            examples.append(ConsoleExample(command: String(body[body.index(body.startIndex, offsetBy: 2)..<newline]),
                                           output: String(body[body.index(after: newline)...])))
        }
        return examples
    }
}
