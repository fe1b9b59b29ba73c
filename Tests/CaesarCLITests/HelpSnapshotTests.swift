import Foundation
import Testing

/// Every help screen, word for word, as `caesar … --help` prints it on an 80-column terminal:
/// a change to a flag, a default or an example shows up in review as a change to a file in
/// `HelpSnapshots/`. After a deliberate change, write the screens anew with
///
///     CAESAR_RECORD_HELP=1 swift test --filter HelpSnapshotTests
///
/// and read the diff before committing it.
@Suite struct HelpSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")
    static let recording = ProcessInfo.processInfo.environment["CAESAR_RECORD_HELP"] == "1"

    /// Every command path, found by following the SUBCOMMANDS sections from the top.
    static let commands: [[String]] = {
        var found: [[String]] = [], pending: [[String]] = [[]]
        while let path = pending.popLast() {
            found.append(path)
            guard let help = try? help(path) else { continue }
            pending += subcommands(in: help).map { path + [$0] }
        }
        return found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }()

    static func help(_ path: [String]) throws -> String {
        let run = try CaesarRun(path + ["--help"], environment: ["COLUMNS": "80", "LINES": "25"])
        return run.stdout
    }

    /// The names listed under `SUBCOMMANDS:` (`help`, which every group has, left out).
    static func subcommands(in help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .compactMap { line -> String? in
                // A name starts at column 3; a wrapped description is indented further.
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" }
    }

    @Test func theTreeHasEverySubcommand() {
        let names = Set(Self.commands.map { $0.joined(separator: " ") })
        for expected in ["", "encrypt", "decrypt", "brute", "crack", "train", "eval", "report", "sample", "ngrams build", "lesson lstm", "bench crack"] {
            #expect(names.contains(expected), "no help screen found for 'caesar \(expected)'")
        }
    }

    @Test(arguments: commands)
    func helpIsTheSnapshot(_ path: [String]) throws {
        let help = try Self.help(path)
        let file = Self.folder.appendingPathComponent((["caesar"] + path).joined(separator: "-") + ".txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try help.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let snapshot = try String(contentsOf: file, encoding: .utf8)
        #expect(help == snapshot, "'caesar \(path.joined(separator: " ")) --help' differs from \(file.lastPathComponent); if the change is meant, record it: CAESAR_RECORD_HELP=1 swift test --filter HelpSnapshotTests")
        #expect(help.contains("EXAMPLE") || help.contains("Example"), "'caesar \(path.joined(separator: " ")) --help' has no example")
        #expect(!help.contains("../shared") && !help.contains("PLATFORM.md"), "help points outside the repository")
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 }, "help wider than 80 columns")
    }
}
