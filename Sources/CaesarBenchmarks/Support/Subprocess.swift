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

    /// Runs `arguments[0]` (looked up on PATH) with stdin from `input`, stdout to `output` and
    /// stderr to a scratch file (a child's diagnostics are not the benchmark's output; the first
    /// line says why a run failed).
    ///
    /// posix_spawn and waitpid, not Foundation's `Process`: on Linux its `waitUntilExit` polls
    /// a run loop and noticed a 45 ms `caesar decrypt` only about 100 ms after it started.
    public static func time(_ arguments: [String], input: String, output: String) throws -> Timing {
        let display = arguments.joined(separator: " ")
        precondition(!arguments.isEmpty, "a command to run")
        var template = Array((NSTemporaryDirectory() + "caesar-stderr-XXXXXX").utf8CString)
        let errors = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard errors >= 0 else { throw BenchmarkError.cannotRun(command: display, reason: "cannot create a scratch file") }
        let errorsPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(errors); unlink(errorsPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let cpuBefore = childrenCPUSeconds()
        let start = clock.now
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else {
            throw BenchmarkError.cannotRun(command: display, reason: spawned == ENOENT ? "not found" : String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = clock.now - start
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let said = (try? String(contentsOfFile: errorsPath, encoding: .utf8))?.split(separator: "\n").first.map { ": \($0)" } ?? ""
            throw BenchmarkError.failed(command: display + said, status: exited ? code : 128 + (status & 0x7f))
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
