import CBLAS

/// Process-wide BLAS settings.
public enum BLAS {
    /// The model splits work between its own workers, each calling BLAS; OpenBLAS's own
    /// threads on top would oversubscribe the cores (and its spinning barriers collapse
    /// when another process takes a core, PLATFORM.md). So every BLAS call runs on the
    /// thread that makes it.
    static func useOneThreadPerCall() { _ = setOnce }

    private static let setOnce: Void = openblas_set_num_threads(1)

    /// The kernel family OpenBLAS chose for this CPU at run time (`Haswell`, `SkylakeX`,
    /// `Zen`, …). Kernels of different families sum in different orders, so the same
    /// products can differ in their last bits between two machines.
    public static var kernels: String { String(cString: openblas_get_corename()) }
}
