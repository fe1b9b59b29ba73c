import ArgumentParser
import CaesarIO
import Foundation

/// Where results go and in which form.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the result to this file (replaced atomically) instead of standard output.", valueName: "path"))
    var outputPath: String?

    /// `--out`, as `train` and `report` once called it: the same option, not shown in help.
    @Option(name: .customLong("out"), help: .hidden)
    var outAlias: String?

    /// The file to write, if one was given.
    var output: String? { outputPath ?? outAlias }

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if outputPath != nil, outAlias != nil { throw ValidationError("give --output once (--out is its older name)") }
        if output == "" {
            throw ValidationError("--output needs a file path")
        }
        var isFolder: ObjCBool = false
        if let output, FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--output '\(output)' is a folder; give a file path inside it")
        }
    }

    func open() throws -> TextOutput {
        try TextOutput(output.map { .file(path: $0) } ?? .standardOutput)
    }

    /// Writes `report` as JSON to the chosen output.
    func writeJSON(_ report: some Encodable) throws {
        let sink = try open()
        try JSONReport.write(report, to: sink)
        try sink.finish()
    }
}
