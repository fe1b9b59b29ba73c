/// The recurrent product of one step, by the kernel that is fastest for the batch: the one
/// place that chooses among them. ``RecurrentDirection`` states the math; this picks how.
///
///     forward    a_t   += h₋₁·W_hhᵀ          (B, H) · (H, G) → (B, G)
///     backward   ∂h₋₁   = α·∂a_t·W_hh          (B, G) · (G, H) → (B, H)
///
/// | batch B | kernel | weights it reads |
/// |---|---|---|
/// | 1 | ``accumulateRowTimesMatrix(_:_:_:strips:)`` (forward) | W_hhᵀ packed in strips |
/// | 1 … 32 | ``multiplyRows(_:_:_:alpha:accumulate:strips:)`` | W_hhᵀ or W_hh packed in strips |
/// | more, or no packed copy | ``gemm(_:_:_:alpha:beta:)`` (BLAS) | W_hh as stored |
///
/// The packed copies are made once per update by ``RecurrentStack``; without them (a backward
/// pass whose copy is not current) the product goes through BLAS on W_hh itself: the same
/// product, never stale weights. Every kernel is held equal to `naiveGEMM` by the tests.
public enum RecurrentProduct {
    /// Largest batch whose recurrent products use the packed kernel rather than BLAS: ahead of
    /// BLAS up to here, behind from 64 rows on (`caesar bench neural --measure products`).
    /// (Sharing the steps of such a batch between the cores, as for one sequence, was tried:
    /// lstm256 b32 trained at 63–65k chars/s, against 68–76k with each core taking half the
    /// sequences.) Decrypters size their batches by it on one core.
    public static let packedMaximumRows = 32

    /// Smallest W_hh whose steps two cores share for a batch of one (measured with
    /// `caesar bench neural --measure latency`, 100 characters). Below it (rnn128's 64 KiB) a
    /// step takes well under 1 µs and handing h between the cores every step costs more than
    /// the second core saves: 0.102–0.134 ms alone, 0.109–0.140 shared. lstm128's 256 KiB
    /// gains, 0.39–0.44 → 0.32–0.38 ms; lstm256's 1 MiB, which one core's L2 does not hold
    /// beside everything else, gains most: 1.57 → 0.94 ms.
    public static let sharedStepsMinimumBytes = 256 << 10

    /// What computes a product: BLAS on W_hh as stored, or the packed kernels on its strips.
    public enum Kernel: String, Sendable, Codable, CaseIterable {
        case blas, packed
    }

    /// The kernel for `rows` sequences: the packed one up to ``packedMaximumRows`` when a
    /// packed copy exists, else BLAS.
    public static func kernel(rows: Int, packed: Bool) -> Kernel {
        packed && rows <= packedMaximumRows ? .packed : .blas
    }

    /// a_t += h₋₁·W_hhᵀ, (B, H) · (H, G) → (B, G). `packedTransposed` is W_hhᵀ in strips.
    /// `kernel` forces one (benchmarks compare them); by default ``kernel(rows:packed:)`` chooses.
    /// (Specialized here, not inlinable: a caller in another module, such as the benchmark,
    /// runs this module's Float code, the very code the layers run.)
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func forward<S: NeuralScalar>(
        _ at: MatrixView<S>, _ hPrevious: MatrixView<S>, weights wHH: MatrixView<S>, packedTransposed wT: PackedStrips<S>?,
        kernel: Kernel? = nil
    ) {
        switch kernel ?? Self.kernel(rows: at.rows, packed: wT != nil) {
        case .packed where at.rows == 1:
            accumulateRowTimesMatrix(at.base, hPrevious.base, wT!)
        case .packed:
            multiplyRows(at, hPrevious, wT!, accumulate: true)
        case .blas:
            gemm(at, hPrevious, wHH.T, beta: 1)
        }
    }

    /// ∂L/∂h₋₁ = α·∂L/∂a_t·W_hh, (B, G) · (G, H) → (B, H), overwriting `dhPrevious`.
    /// `packed` is W_hh in strips; `kernel` as for ``forward(_:_:weights:packedTransposed:kernel:)``.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func backward<S: NeuralScalar>(
        _ dhPrevious: MatrixView<S>, _ dA: MatrixView<S>, weights wHH: MatrixView<S>, packed: PackedStrips<S>?, alpha: S,
        kernel: Kernel? = nil
    ) {
        switch kernel ?? Self.kernel(rows: dA.rows, packed: packed != nil) {
        case .packed:
            multiplyRows(dhPrevious, dA, packed!, alpha: alpha, accumulate: false)
        case .blas:
            gemm(dhPrevious, dA, wHH, alpha: alpha)
        }
    }

    /// Whether one sequence's steps are shared between two cores (``SharedSteps``), given a
    /// packed W_hhᵀ of scalar `S` to share: a batch of one, two threads, a W_hh large enough
    /// to gain, and hidden units that split into whole strips per half.
    static func sharesSteps<S: NeuralScalar>(
        batch B: Int, threads: Int, hiddenSize H: Int, gateRows G: Int, scalar _: S.Type
    ) -> Bool {
        B == 1 && threads >= 2 && H % (2 * PackedStrips<S>.width) == 0
            && G * H * MemoryLayout<S>.stride >= sharedStepsMinimumBytes
    }
}
