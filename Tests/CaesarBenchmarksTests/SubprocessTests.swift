import Foundation
import Testing

@testable import CaesarBenchmarks

@Suite struct SubprocessTests {
    /// Standard input from one file, standard output to another, standard error kept out of
    /// the benchmark's own output.
    @Test func aRunReadsItsInputWritesItsOutputAndKeepsItsDiagnostics() throws {
        let folder = NSTemporaryDirectory() + "caesar-subprocess-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: folder + "/in"))
        let timing = try Subprocess.time(["sh", "-c", "tr a-z A-Z; echo noise >&2"], input: folder + "/in", output: folder + "/out")
        #expect(try String(contentsOfFile: folder + "/out", encoding: .utf8) == "HELLO\n")
        #expect(timing.wall > 0 && timing.cpu >= 0)
    }

    /// A failure names the command, its status and the first line it wrote on standard error.
    @Test func aFailureSaysWhatTheProgramSaid() {
        #expect {
            try Subprocess.time(["sh", "-c", "echo 'it broke' >&2; echo more >&2; exit 3"], input: "/dev/null", output: "/dev/null")
        } throws: { error in
            guard case BenchmarkError.failed(let command, let status) = error else { return false }
            return status == 3 && command.hasSuffix(": it broke")
        }
        #expect {
            try Subprocess.time(["caesar-no-such-program"], input: "/dev/null", output: "/dev/null")
        } throws: { error in
            guard case BenchmarkError.cannotRun(_, let reason) = error else { return false }
            return reason == "not found"
        }
    }
}
