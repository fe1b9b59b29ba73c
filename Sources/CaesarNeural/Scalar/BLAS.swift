import CBLAS
import Foundation

/// Process-wide BLAS settings.
public enum BLAS {
    /// The model splits work between its own workers, each calling BLAS; OpenBLAS's own
    /// threads on top would oversubscribe the cores (and its spinning barriers collapse
    /// when another process takes a core, as measured on this project's development machine).
    /// So every BLAS call runs on the thread that makes it.
    public static func useOneThreadPerCall() { _ = setOnce }

    private static let setOnce: Void = openblas_set_num_threads(1)

    /// The kernel family OpenBLAS chose for this CPU at run time (`Haswell`, `SkylakeX`,
    /// `Zen`, …). Kernels of different families sum in different orders, so the same
    /// products can differ in their last bits between two machines.
    public static var kernels: String { String(cString: openblas_get_corename()) }

    /// The kernels to ask for when OpenBLAS has not recognized this CPU: OpenBLAS 0.3.21
    /// (Debian 12) falls back to its SSE3 `Prescott` kernels on CPUs newer than it knows
    /// (Intel's Sapphire and Emerald Rapids among them), which run our products several times
    /// slower (a training step of lstm256: 17–31k characters/s against 70k with `SkylakeX`).
    /// Kernels are chosen when the library loads, from the `OPENBLAS_CORETYPE` environment
    /// variable if set, so a process can only get others by starting again with it set: the
    /// `caesar` tool does that. Nil when the choice is fine or the variable is already set.
    public static var betterKernels: String? {
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil, ["Prescott", "Core2", "Penryn", "Nehalem"].contains(kernels),
              let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }
}
