/// The pointwise part of one LSTM step, forward and backward, for B sequences at once.
///
/// The layer computes the pre-activations with matrix products,
/// `a = x·W_ihᵀ + b_ih + h₋₁·W_hhᵀ + b_hh` (B, 4H), blocks in PyTorch's order [i f g o];
/// this cell does everything elementwise:
///
///     i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)
///     c = f ⊙ c₋₁ + i ⊙ g
///     h = o ⊙ tanh(c)
///
/// Shapes: `gates` (B, 4H), every other view (B, H). `cPrevious` is nil at the first step
/// (a zero initial state).
enum LSTMCell {
    /// Forward. In: `gates` holds a. Out: `gates` holds [i f g o] (kept for backward), and
    /// `c`, `tanhC` (kept for backward) and `h`. With `units`, only those hidden units (their
    /// four gates, c, tanh(c) and h): how two threads share one step. Every value is computed
    /// alike either way (the vector functions treat each element alone).
    static func forward<S: NeuralScalar>(
        gates: MatrixView<S>, cPrevious: MatrixView<S>?,
        c: MatrixView<S>, tanhC: MatrixView<S>, h: MatrixView<S>, units: Range<Int>? = nil
    ) {
        let hidden = c.columns, units = units ?? 0..<hidden
        precondition(gates.columns == 4 * hidden && gates.rows == c.rows && h.rows == c.rows && h.columns == hidden)
        precondition(units.lowerBound >= 0 && units.upperBound <= hidden)
        for b in 0..<c.rows {
            let a = gates.base + b * gates.stride
            let cRow = c.base + b * c.stride, tRow = tanhC.base + b * tanhC.stride, hRow = h.base + b * h.stride
            let cPrev = cPrevious.map { UnsafePointer($0.base + b * $0.stride) }
            // every stage in registers, each result stored once
            sixteenUnitsAtATime(units) { (load: (UnsafePointer<S>) -> SIMD16<S>, store) in
                let i = S.sigmoid(load(a)), f = S.sigmoid(load(a + hidden))
                let g = S.tanh(load(a + 2 * hidden)), o = S.sigmoid(load(a + 3 * hidden))
                store(i, a)  // the gates [i f g o] replace a: backward needs them
                store(f, a + hidden)
                store(g, a + 2 * hidden)
                store(o, a + 3 * hidden)
                let cv = f * (cPrev.map(load) ?? SIMD16()) + i * g  // c = f·c₋₁ + i·g
                let tc = S.tanh(cv)
                store(cv, cRow)
                store(tc, tRow)
                store(o * tc, hRow)  // h = o·tanh(c)
            }
        }
    }

    /// Backward, the forward in mirror image.
    ///
    /// In: `dh` = ∂L/∂h (from the output above and from step t+1), `dc` = ∂L/∂c arriving from
    /// step t+1, and the cached `gates` [i f g o], `cPrevious`, `tanhC`.
    /// Out: `dGates` = ∂L/∂a (B, 4H), and `dc` replaced by ∂L/∂c₋₁ for step t−1.
    static func backward<S: NeuralScalar>(
        dh: MatrixView<S>, dc: MatrixView<S>,
        gates: MatrixView<S>, cPrevious: MatrixView<S>?, tanhC: MatrixView<S>,
        dGates: MatrixView<S>
    ) {
        let hidden = dh.columns
        precondition(gates.columns == 4 * hidden && dGates.columns == 4 * hidden && dc.columns == hidden)
        for b in 0..<dh.rows {
            let a = gates.base + b * gates.stride, da = dGates.base + b * dGates.stride
            let dhRow = dh.base + b * dh.stride, dcRow = dc.base + b * dc.stride, tRow = tanhC.base + b * tanhC.stride
            let cPrev = cPrevious.map { UnsafePointer($0.base + b * $0.stride) }
            sixteenUnitsAtATime(0..<hidden) { (load: (UnsafePointer<S>) -> SIMD16<S>, store) in
                let i = load(a), f = load(a + hidden), g = load(a + 2 * hidden), o = load(a + 3 * hidden)
                let tc = load(tRow), dhv = load(dhRow)
                // h = o·tanh(c)
                let dO = dhv * tc
                let dC = load(dcRow) + dhv * o * (1 - tc * tc)
                // c = f·c₋₁ + i·g
                let dI = dC * g
                let dG = dC * i
                let dF = dC * (cPrev.map(load) ?? SIMD16())
                store(dC * f, dcRow)  // ∂L/∂c₋₁: the path through the forget gate
                // through the gate nonlinearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
                store(dI * i * (1 - i), da)
                store(dF * f * (1 - f), da + hidden)
                store(dG * (1 - g * g), da + 2 * hidden)
                store(dO * o * (1 - o), da + 3 * hidden)
            }
        }
    }

    /// Runs `body` on `units` 16 at a time, handing it a load and a store of the current 16
    /// units of any row; the last (count mod 16) go through the same lanes, copied in and out,
    /// so that every unit gets the same arithmetic.
    @inline(__always)
    private static func sixteenUnitsAtATime<S: NeuralScalar>(
        _ units: Range<Int>,
        _ body: (_ load: (UnsafePointer<S>) -> SIMD16<S>, _ store: (SIMD16<S>, UnsafeMutablePointer<S>) -> Void) -> Void
    ) {
        typealias V = SIMD16<S>
        var j = units.lowerBound
        while j + V.scalarCount <= units.upperBound {
            body({ UnsafeRawPointer($0 + j).loadUnaligned(as: V.self) },
                 { UnsafeMutableRawPointer($1 + j).storeBytes(of: $0, as: V.self) })
            j += V.scalarCount
        }
        if j < units.upperBound {
            let n = units.upperBound - j
            body({ p in var v = V(); for k in 0..<n { v[k] = p[j + k] }; return v },
                 { v, p in for k in 0..<n { p[j + k] = v[k] } })
        }
    }
}
