import Foundation
import Testing

/// Runs the built `caesar` binary as a user would and captures what it prints.
struct CaesarRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The `caesar` binary sits beside the test bundle in the build folder.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // On Linux the test runner is `<build>/caesarPackageTests.xctest`.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("caesar").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("caesar")
    }()

    /// `environment` adds to (or replaces in) the test runner's environment.
    init(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = CaesarRun.executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Feed stdin from another thread so a large input cannot deadlock against our reads.
        let feeder = Thread {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

extension CaesarRun {
    /// Runs caesar and expects nothing on standard output, exactly `caesar: error: <line>` on
    /// standard error, and the exit `status` (64 for flags, 1 otherwise).
    static func expectError(_ arguments: [String], status: Int32, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try CaesarRun(arguments)
        #expect(run.status == status, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr == "caesar: error: " + line + "\n", sourceLocation: sourceLocation)
    }
}

@Suite struct RootCommandTests {
    @Test func helpListsTheToolAndExitsZero() throws {
        let run = try CaesarRun(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: caesar"))
    }

    @Test func unknownFlagIsOneLineWithAHint() throws {
        let run = try CaesarRun(["--no-such-flag"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "caesar: error: Unknown option '--no-such-flag'; hint: see 'caesar --help'\n")
    }
}


/// Files of the source checkout the tests run in.
enum SourceTree {
    /// The folder holding Package.swift (this file is Tests/CaesarCLITests/CLITests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func path(_ relative: String) -> String { root + "/" + relative }
}
