import ArgumentParser

/// The nearest option to a mistyped one, for the hint of "Unknown option": among the names
/// the subcommand's help shows and the hidden spellings kept for old scripts, each of which
/// is suggested by the name help shows (`--shft` → `--key`, `--ot` → `--output`).
extension Caesar {
    /// Hidden spellings, and the name that replaced each.
    static let hiddenAliases = ["--shift": "--key", "--out": "--output"]

    /// The command the subcommand words name (the root when none).
    static var commandOnLine: ParsableCommand.Type {
        var command: ParsableCommand.Type = Caesar.self
        for word in subcommandPath {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = next
        }
        return command
    }

    /// The long options `command`'s help lists: the names at the start of its OPTIONS lines
    /// (`-o, --output <path>`, `--rotations/--no-rotations`).
    static func longOptions(of command: ParsableCommand.Type) -> [String] {
        command.helpMessage(columns: 1000).split(separator: "\n").flatMap { line -> [String] in
            guard line.hasPrefix("  -") else { return [] }
            let names = line.drop { $0 == " " }.prefix { $0 != "<" }.split(separator: "  ").first ?? ""
            return names.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" }).map(String.init).filter { $0.hasPrefix("--") }
        }
    }

    /// The option help shows that `given` most likely meant: the nearest name at most two edits
    /// away (one for names of one or two letters), a hidden alias answered by its visible name.
    static func nearestOption(to given: String, in command: ParsableCommand.Type) -> String? {
        let visible = Set(longOptions(of: command))
        let candidates = visible.union(hiddenAliases.filter { visible.contains($0.value) }.keys)
        let limit = given.count <= 4 ? 1 : 2  // "--" and one or two letters: one edit
        let nearest = candidates.map { ($0, editDistance($0, given)) }.filter { $0.1 <= limit }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
        return nearest.map { hiddenAliases[$0] ?? $0 }
    }
}
