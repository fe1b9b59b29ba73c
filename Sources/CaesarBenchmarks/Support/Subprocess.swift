import Foundation

/// Runs another program with standard input and output redirected to files, for benchmarks.
public enum Subprocess {
    /// The path of the running `caesar` binary, to benchmark it as a separate process.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// What one run cost.
    public struct Timing: Sendable {
        /// Wall-clock seconds from start to exit.
        public var wall: Double
        /// CPU seconds (user + system) the child used: on a busy machine the steadier figure.
        public var cpu: Double
    }

    /// Runs `arguments[0]` (looked up on PATH) with stdin from `input` and stdout to `output`.
    public static func time(_ arguments: [String], input: String, output: String) throws -> Timing {
        let display = arguments.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        guard let stdin = FileHandle(forReadingAtPath: input) else {
            throw BenchmarkError.cannotRun(command: display, reason: "cannot open \(input)")
        }
        // open(2), not FileManager.createFile: that one replaces the path with a new regular
        // file, which would turn /dev/null into one.
        let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BenchmarkError.cannotRun(command: display, reason: "cannot open \(output)")
        }
        let stdout = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? stdin.close(); try? stdout.close() }
        process.standardInput = stdin
        process.standardOutput = stdout
        let clock = ContinuousClock()
        let cpuBefore = childrenCPUSeconds()
        let start = clock.now
        do {
            try process.run()
        } catch {
            throw BenchmarkError.cannotRun(command: display, reason: "\(error)")
        }
        process.waitUntilExit()
        let elapsed = clock.now - start
        // env exits 127 when it cannot find the program.
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw BenchmarkError.cannotRun(command: display, reason: "not found") }
            throw BenchmarkError.failed(command: display, status: process.terminationStatus)
        }
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Timing(wall: wall, cpu: childrenCPUSeconds() - cpuBefore)
    }

    /// User + system CPU seconds of all waited-for children so far (getrusage).
    private static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The first byte offset at which two files differ, or `nil` when they are equal.
    public static func firstDifference(_ a: String, _ b: String) throws -> Int? {
        guard let fa = FileHandle(forReadingAtPath: a), let fb = FileHandle(forReadingAtPath: b) else {
            throw BenchmarkError.cannotRun(command: "compare", reason: "cannot open \(a) or \(b)")
        }
        defer { try? fa.close(); try? fb.close() }
        var offset = 0
        while true {
            let x = try fa.read(upToCount: 1 << 20) ?? Data(), y = try fb.read(upToCount: 1 << 20) ?? Data()
            if x != y {
                return offset + (zip(x, y).enumerated().first { $1.0 != $1.1 }?.offset ?? min(x.count, y.count))
            }
            if x.isEmpty { return nil }
            offset += x.count
        }
    }
}
