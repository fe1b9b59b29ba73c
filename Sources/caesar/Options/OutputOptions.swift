import ArgumentParser
import CaesarIO
import Foundation

/// Where results go and in which form.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the result to this file (replaced atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
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
