import CBLAS

/// Process-wide BLAS settings.
enum BLAS {
    /// The model splits work between its own workers, each calling BLAS from its thread.
    /// caesar links OpenBLAS's serial build, where this is a no-op; should a threaded
    /// libopenblas be found first (LD_LIBRARY_PATH), its pool would otherwise oversubscribe
    /// the cores.
    static func useOneThreadPerCall() { _ = setOnce }

    private static let setOnce: Void = openblas_set_num_threads(1)
}
