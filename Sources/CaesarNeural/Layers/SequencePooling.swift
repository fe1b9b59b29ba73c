/// Many-to-one pooling: the top layer's outputs over T steps, h (T·B, D), into one row per
/// sequence, z (B, D); and its backward, which puts ∂L/∂z back on the steps it came from.
///
///     final states:  z_b = [h_fwd at t = T−1 ; h_bwd at t = 0]     (PyTorch's h_n of the top layer)
///     mean:          z_b = (1/T) Σ_t h_t,b
///
/// Shapes: H hidden units per direction, D = directions·H, rows of h time-major (t·B + b).
enum SequencePooling {
    /// z ← pool(h).
    static func forward<S: NeuralScalar>(
        _ pooling: Pooling, h: MatrixView<S>, steps T: Int, batch B: Int, hiddenSize H: Int, pooled z: MatrixView<S>
    ) {
        precondition(h.rows == T * B && z.rows == B && z.columns == h.columns && h.columns % H == 0)
        let D = h.columns
        switch pooling {
        case .finalStates:
            for d in 0..<(D / H) {
                let t = d == 0 ? T - 1 : 0  // each direction's last processed step
                for b in 0..<B {
                    for j in (d * H)..<((d + 1) * H) { z[b, j] = h[t * B + b, j] }
                }
            }
        case .mean:
            let scale = 1 / S(T)
            for b in 0..<B {
                for j in 0..<D {
                    var sum: S = 0
                    for t in 0..<T { sum += h[t * B + b, j] }
                    z[b, j] = sum * scale
                }
            }
        }
    }

    /// ∂L/∂h ← ∂L/∂z spread back (overwrites `dH`): on the final steps only, or 1/T on every step.
    static func backward<S: NeuralScalar>(
        _ pooling: Pooling, dPooled dZ: MatrixView<S>, steps T: Int, batch B: Int, hiddenSize H: Int, dH: MatrixView<S>
    ) {
        precondition(dH.rows == T * B && dZ.rows == B && dZ.columns == dH.columns && dH.columns % H == 0)
        let D = dH.columns
        switch pooling {
        case .finalStates:
            for r in 0..<(T * B) { (dH.base + r * dH.stride).update(repeating: 0, count: D) }
            for d in 0..<(D / H) {
                let t = d == 0 ? T - 1 : 0  // z copied h_t there: ∂L/∂h_t = ∂L/∂z, zero elsewhere
                for b in 0..<B {
                    for j in (d * H)..<((d + 1) * H) { dH[t * B + b, j] = dZ[b, j] }
                }
            }
        case .mean:
            let scale = 1 / S(T)  // z = (1/T) Σ_t h_t  ⇒  ∂L/∂h_t = ∂L/∂z / T
            for t in 0..<T {
                for b in 0..<B {
                    for j in 0..<D { dH[t * B + b, j] = dZ[b, j] * scale }
                }
            }
        }
    }
}
