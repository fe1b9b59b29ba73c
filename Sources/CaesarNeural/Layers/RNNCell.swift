/// The pointwise part of one vanilla-RNN step (Elman, tanh), forward and backward.
///
/// The layer computes `a = x·W_ihᵀ + b_ih + h₋₁·W_hhᵀ + b_hh` (B, H); the cell applies
///
///     h = tanh(a)
///
/// and caches nothing but h itself: tanh′(a) = 1 − h².
enum RNNCell {
    /// Forward. In: `preactivation` (B, H) holds a. Out: `h` (B, H) = tanh(a); with `units`,
    /// only those columns.
    static func forward<S: NeuralScalar>(preactivation: MatrixView<S>, h: MatrixView<S>, units: Range<Int>? = nil) {
        precondition(preactivation.rows == h.rows && preactivation.columns == h.columns)
        let units = units ?? 0..<h.columns
        for b in 0..<h.rows {
            let a = preactivation.base + b * preactivation.stride, hRow = h.base + b * h.stride
            S.tanh(a + units.lowerBound, count: units.count)
            for j in units { hRow[j] = a[j] }
        }
    }

    /// Backward. In: `dh` = ∂L/∂h, the cached `h`. Out: `dPreactivation` = ∂L/∂a = dh ⊙ (1 − h²).
    static func backward<S: NeuralScalar>(dh: MatrixView<S>, h: MatrixView<S>, dPreactivation: MatrixView<S>) {
        precondition(dh.rows == h.rows && dh.columns == h.columns && dPreactivation.columns == h.columns)
        for b in 0..<h.rows {
            let dhRow = dh.base + b * dh.stride, hRow = h.base + b * h.stride
            let da = dPreactivation.base + b * dPreactivation.stride
            for j in 0..<h.columns {
                da[j] = dhRow[j] * (1 - hRow[j] * hRow[j])  // h = tanh(a)
            }
        }
    }
}
