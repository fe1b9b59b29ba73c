/// The output layer applied at every step: logits = h·Wᵀ + b.
///
/// Shapes: h (N, D) with N = T·B rows, W (O, D), b (O), logits (N, O).
struct LinearHead {
    let weight: ParameterLayout.Entry
    let bias: ParameterLayout.Entry

    /// The head every model puts on top: `out.weight` (O, D) and `out.bias` (O), as nn.Linear names them.
    init(outputOf layout: ParameterLayout) {
        weight = layout.entry("out.weight")
        bias = layout.entry("out.bias")
    }

    func forward<S: NeuralScalar>(h: MatrixView<S>, parameters p: UnsafeMutablePointer<S>, logits: MatrixView<S>) {
        let O = logits.columns
        let w = MatrixView(p + weight.offset, rows: O, columns: h.columns)
        for r in 0..<logits.rows {
            for k in 0..<O { logits[r, k] = p[bias.offset + k] }
        }
        gemm(logits, h, w.T, beta: 1)  // (N, D) · (D, O) → (N, O)
    }

    /// Adds ∂L/∂W and ∂L/∂b into `gradients` and writes ∂L/∂h into `dH`.
    func backward<S: NeuralScalar>(
        h: MatrixView<S>, dLogits: MatrixView<S>, parameters p: UnsafeMutablePointer<S>,
        gradients g: UnsafeMutablePointer<S>, dH: MatrixView<S>
    ) {
        let O = dLogits.columns, D = h.columns
        let w = MatrixView(p + weight.offset, rows: O, columns: D)
        gemm(MatrixView(g + weight.offset, rows: O, columns: D), dLogits.T, h, beta: 1)  // (O, N) · (N, D) → (O, D)
        for r in 0..<dLogits.rows {
            for k in 0..<O { g[bias.offset + k] += dLogits[r, k] }
        }
        gemm(dH, dLogits, w)  // (N, O) · (O, D) → (N, D)
    }
}
