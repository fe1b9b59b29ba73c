import ArgumentParser
import CaesarIO

#if canImport(Glibc)
import Glibc
#endif

/// Where a subcommand's text comes from: its TEXT arguments, `--input FILE`, or standard input.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The text (several words are joined by spaces; '-' alone reads standard input). Without it, --input or standard input is read.", valueName: "text"))
    var text: [String] = []

    @Option(name: [.customShort("i"), .long], help: ArgumentHelp("Read the text from this file ('-' for standard input).", valueName: "path"))
    var input: String?

    @Flag(help: "Replace invalid UTF-8 bytes with U+FFFD instead of stopping at the first one.")
    var lossy = false

    func validate() throws {
        if !text.isEmpty, input != nil {
            throw ValidationError("give the text as arguments or with --input, not both")
        }
        if input == "" {
            throw ValidationError("--input needs a file path")
        }
    }

    /// Whether the text comes from the TEXT arguments (output then ends with a newline).
    var isArguments: Bool { !text.isEmpty && text != ["-"] }

    /// Opens the chosen source. On an interactive terminal, says how to end the input.
    func open() throws -> TextInput {
        if isArguments {
            return try TextInput(.text(text.joined(separator: " ")), lossy: lossy)
        }
        if let input, input != "-" {
            return try TextInput(.file(path: input), lossy: lossy)
        }
        if isatty(STDIN_FILENO) == 1 {
            StandardError.print("caesar: reading standard input; end it with Ctrl-D (or give the text as arguments)")
        }
        return try TextInput(.standardInput, lossy: lossy)
    }
}
