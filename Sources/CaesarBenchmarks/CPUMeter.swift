#if canImport(Glibc)
import Glibc
#endif

/// CPU time used by *other* processes while a measurement runs, in cores.
///
/// This machine type is shared; a figure taken while something else ran is not a figure.
/// Reads the machine's busy time from /proc/stat and this process's from /proc/self/stat
/// (the same meter as the PyTorch reference's `CpuMeter`). About 0 means the measurement had
/// the machine to itself.
public struct CPUMeter: Sendable {
    private let start: (machine: Double, own: Double, wall: ContinuousClock.Instant)?

    public init() {
        start = CPUMeter.read().map { ($0.machine, $0.own, ContinuousClock.now) }
    }

    /// Cores used by other processes since `init`, or nil where /proc is not readable.
    public func othersCores() -> Double? {
        guard let start, let now = CPUMeter.read() else { return nil }
        let elapsed = ContinuousClock.now - start.wall
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard seconds > 0 else { return nil }
        return max(0, ((now.machine - start.machine) - (now.own - start.own)) / seconds)
    }

    /// Busy seconds of the whole machine and of this process.
    private static func read() -> (machine: Double, own: Double)? {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard ticks > 0, let stat = firstLine("/proc/stat"), let own = firstLine("/proc/self/stat") else { return nil }
        let fields = stat.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 7 else { return nil }
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6]  // user nice system irq softirq
        // Fields after the ")" that closes the command name: utime is the 12th, stime the 13th.
        guard let close = own.lastIndex(of: ")") else { return nil }
        let rest = own[own.index(after: close)...].split(separator: " ")
        guard rest.count > 12, let user = Double(rest[11]), let system = Double(rest[12]) else { return nil }
        return (busy / ticks, (user + system) / ticks)
    }

    private static func firstLine(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
