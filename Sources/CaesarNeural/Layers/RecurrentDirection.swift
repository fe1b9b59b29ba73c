/// What a recurrent layer reads: token indices (the first layer: its input is one-hot, so
/// multiplying by W_ih is a row gather) or the dense output of the layer below.
enum LayerInput<Scalar: NeuralScalar> {
    /// `tokens` (T·B), time-major; `weightsTransposed` is W_ihᵀ (V, G), so row v is the
    /// contribution of token v.
    case oneHot(tokens: UnsafePointer<Int32>, weightsTransposed: MatrixView<Scalar>)
    /// The layer below's output (T·B, in).
    case dense(MatrixView<Scalar>)
}

/// The activations of one direction of one layer that its backward pass needs.
struct DirectionCache<Scalar: NeuralScalar> {
    /// (T·B, G): pre-activations during the forward pass, then the LSTM's gates [i f g o];
    /// for the RNN, scratch (its cache is h itself).
    let gates: MatrixView<Scalar>
    /// (T·B, H), LSTM only: c and tanh(c).
    let cells: MatrixView<Scalar>?
    let tanhCells: MatrixView<Scalar>?
    /// (T·B, H): h, this direction's columns of the layer output (rows D apart).
    let output: MatrixView<Scalar>
}

/// A direction's state between steps: h and, for the LSTM, c, (B, H) each. Forward starts
/// from an initial state (zero when none is given); backward takes ∂L/∂ of the final state
/// (zero when nothing beyond the last step read it) and gives back ∂L/∂ of the initial one.
struct RecurrentState<Scalar: NeuralScalar> {
    let h: MatrixView<Scalar>
    /// LSTM only; nil for the RNN.
    let c: MatrixView<Scalar>?
}

/// Scratch for the backward pass of one direction.
struct DirectionScratch<Scalar: NeuralScalar> {
    let dGates: MatrixView<Scalar>  // (T·B, G) ∂L/∂a for every step
    let dh: MatrixView<Scalar>  // (B, H)
    let dhNext: MatrixView<Scalar>  // (B, H) ∂L/∂h₋₁ carried to the previous step
    let dcNext: MatrixView<Scalar>  // (B, H) ∂L/∂c₋₁, LSTM only
}

/// One direction of one recurrent layer over the T steps of a batch: the forward loop that
/// stores a cache per step, and the backward loop over the steps in reverse (BPTT).
///
/// Shapes (time-major, row r = t·B + b): input x (T·B, in), pre-activations a (T·B, G),
/// h (T·B, H); W_ih (G, in), W_hh (G, H), biases (G), with G = 4H (LSTM) or H (RNN).
/// A reversed direction processes t = T−1 … 0; "the previous step" is then t + 1, and its
/// final state is the one at t = 0. The initial state h₀ (c₀) is the "previous step" of the
/// first processed step; without one it is zero.
struct RecurrentDirection {
    let cell: CellKind
    let inputSize: Int
    let hiddenSize: Int
    let reversed: Bool
    let weightIH: ParameterLayout.Entry
    let weightHH: ParameterLayout.Entry
    let biasIH: ParameterLayout.Entry
    let biasHH: ParameterLayout.Entry

    var gateRows: Int { cell.gatesPerUnit * hiddenSize }

    /// The time index of processing step s.
    func time(_ s: Int, steps: Int) -> Int { reversed ? steps - 1 - s : s }

    /// Forward over all steps, from `initial` (zero when nil). `recurrentTransposed` is W_hhᵀ
    /// (H, G) packed in strips, which the fast kernels read (``RecurrentProduct`` chooses).
    /// The final state is the cache's h (and c) at the last processed step.
    func forward<S: NeuralScalar>(
        input: LayerInput<S>, parameters p: UnsafeMutablePointer<S>, steps T: Int, batch B: Int,
        cache: DirectionCache<S>, recurrentTransposed: PackedStrips<S>? = nil, initial: RecurrentState<S>? = nil,
        threads: Int = 1
    ) {
        let G = gateRows
        let wIH = MatrixView(p + weightIH.offset, rows: G, columns: inputSize)
        let wHH = MatrixView(p + weightHH.offset, rows: G, columns: hiddenSize)
        let bIH = p + biasIH.offset, bHH = p + biasHH.offset
        let a = cache.gates
        if let initial { precondition(initial.h.rows == B && initial.h.columns == hiddenSize && (initial.c != nil) == (cell == .lstm)) }

        // 1. The input's share, a = x·W_ihᵀ + b_ih + b_hh   (T·B, G). A dense input's product
        //    runs for every step at once, one large GEMM. A one-hot input's is a row gather,
        //    done step by step just before the recurrence reads the rows, while they are in
        //    cache: written once, not once for the biases and again for the gather.
        let biases = UnsafeMutablePointer<S>.allocate(capacity: G)
        defer { biases.deallocate() }
        for k in 0..<G { biases[k] = bIH[k] + bHH[k] }
        func addInputShare(rows: Range<Int>) {
            switch input {
            case .oneHot(let tokens, let wT):  // one-hot x: x·W_ihᵀ is row `token` of W_ihᵀ
                for r in rows {
                    let token = Int(tokens[r])
                    precondition(token >= 0 && token < wT.rows, "token \(token) outside the vocabulary of \(wT.rows)")
                    let row = a.base + r * a.stride, source = wT.base + token * wT.stride
                    for k in 0..<G { row[k] = biases[k] + source[k] }
                }
            case .dense(let x):
                for r in rows {
                    (a.base + r * a.stride).update(from: biases, count: G)
                }
                gemm(a.rows(rows.lowerBound, rows.count), x.rows(rows.lowerBound, rows.count), wIH.T, beta: 1)  // (rows, in) · (in, G)
            }
        }
        let stepByStep: Bool
        if case .oneHot = input { stepByStep = true } else { stepByStep = false }
        // A dense input's product for one sequence is made in two calls, by halves of the
        // steps, whatever the thread count: two cores run them side by side, one core one
        // after the other. BLAS may round a row differently in a call of another shape (its
        // kernels and blocking depend on the shape and on the CPU), so the same calls are what
        // makes one core's result and two cores' the same bits on every CPU.
        let inputParts = stepByStep ? 1 : (B == 1 ? 2 : 1)
        func inputPart(_ part: Int) -> Range<Int> { (T * B * part / inputParts)..<(T * B * (part + 1) / inputParts) }

        // 2. The recurrence: a_t += h₋₁·W_hhᵀ, then the cell. At the first step h₋₁ is the
        //    initial state (or zero, and the product is skipped).
        if let wT = recurrentTransposed,
           RecurrentProduct.sharesSteps(batch: B, threads: threads, hiddenSize: hiddenSize, gateRows: G, scalar: S.self) {
            // The input's share first, for all steps: a dense input's product (T, in)·(in, G),
            // as large as the recurrence's, its two halves on the two cores.
            Parallel.forEach(inputParts) { part in addInputShare(rows: inputPart(part)) }
            forwardSharingSteps(wT, steps: T, cache: cache, initial: initial)
            return
        }
        if !stepByStep { for part in 0..<inputParts { addInputShare(rows: inputPart(part)) } }
        for s in 0..<T {
            let t = time(s, steps: T)
            let at = a.rows(t * B, B)
            if stepByStep { addInputShare(rows: (t * B)..<((t + 1) * B)) }
            if let hPrevious = previousState(s, steps: T, batch: B, cache: cache, initial: initial)?.h {
                RecurrentProduct.forward(at, hPrevious, weights: wHH, packedTransposed: recurrentTransposed)  // (B, H) · (H, G) → (B, G)
            }
            switch cell {
            case .rnn:
                RNNCell.forward(preactivation: at, h: cache.output.rows(t * B, B))
            case .lstm:
                LSTMCell.forward(
                    gates: at, cPrevious: previousState(s, steps: T, batch: B, cache: cache, initial: initial)?.c,
                    c: cache.cells!.rows(t * B, B), tanhC: cache.tanhCells!.rows(t * B, B),
                    h: cache.output.rows(t * B, B))
            }
        }
    }

    /// The recurrence of one sequence on two cores: each step's hidden units in two halves,
    /// each half computing its units' gate columns (whole strips of the packed W_hhᵀ: half the
    /// weights, which is what bounds a batch of one) and their cell, the halves of step s
    /// waiting for both halves of step s − 1 (``SharedSteps``). The same values as one core's.
    private func forwardSharingSteps<S: NeuralScalar>(
        _ wT: PackedStrips<S>, steps T: Int, cache: DirectionCache<S>, initial: RecurrentState<S>?
    ) {
        let H = hiddenSize, blocks = cell.gatesPerUnit  // gate blocks of H columns: [i f g o] or [h]
        let stripsPerHalf = H / 2 / PackedStrips<S>.width
        SharedSteps.run(steps: T, parts: 2) { s, half in
            let t = time(s, steps: T)
            let at = cache.gates.rows(t, 1)
            let previous = previousState(s, steps: T, batch: 1, cache: cache, initial: initial)
            if let hPrevious = previous?.h {
                for block in 0..<blocks {  // this half's units in every gate block
                    let first = (block * 2 + half) * stripsPerHalf
                    accumulateRowTimesMatrix(at.base, hPrevious.base, wT, strips: first..<(first + stripsPerHalf))
                }
            }
            let units = (half * H / 2)..<((half + 1) * H / 2)
            switch cell {
            case .rnn:
                RNNCell.forward(preactivation: at, h: cache.output.rows(t, 1), units: units)
            case .lstm:
                LSTMCell.forward(
                    gates: at, cPrevious: previous?.c, c: cache.cells!.rows(t, 1), tanhC: cache.tanhCells!.rows(t, 1),
                    h: cache.output.rows(t, 1), units: units)
            }
        }
    }

    /// The state processing step s starts from: step s − 1's, the initial state at s = 0, or
    /// nil (zero) at s = 0 without one.
    private func previousState<S: NeuralScalar>(
        _ s: Int, steps T: Int, batch B: Int, cache: DirectionCache<S>, initial: RecurrentState<S>?
    ) -> RecurrentState<S>? {
        guard s > 0 else { return initial }
        let previous = time(s - 1, steps: T)
        return RecurrentState(h: cache.output.rows(previous * B, B), c: cache.cells?.rows(previous * B, B))
    }

    /// BPTT. `dOutput` (T·B, H) is ∂L/∂h from above; `carry[s]` scales (0 cuts) the gradient
    /// passed from step s to step s − 1 (see ``Truncation``). Adds ∂L/∂W and ∂L/∂b into
    /// `gradients`; for a dense input adds ∂L/∂x into `dInput`, for a one-hot input adds
    /// ∂L/∂W_ihᵀ row by row into `dWeightIHTransposed` (V, G). With `gradientNorms` (T), writes
    /// ‖∂L/∂h_t‖ for every time index t.
    ///
    /// The state, mirrored: `initial` is the forward pass's; `dFinal` is ∂L/∂ of the final
    /// state from beyond the last step (what read it, e.g. a decoder started from it; zero
    /// when nil), and `dInitial` receives ∂L/∂h₀ (and ∂L/∂c₀), overwritten. `recurrent` is
    /// W_hh (G, H) packed in strips, for the packed kernel (``RecurrentProduct``).
    func backward<S: NeuralScalar>(
        input: LayerInput<S>, parameters p: UnsafeMutablePointer<S>, gradients g: UnsafeMutablePointer<S>,
        steps T: Int, batch B: Int, cache: DirectionCache<S>, dOutput: MatrixView<S>, carry: [S],
        scratch: DirectionScratch<S>, dInput: MatrixView<S>?, dWeightIHTransposed: MatrixView<S>?,
        gradientNorms: UnsafeMutablePointer<Double>? = nil,
        initial: RecurrentState<S>? = nil, dFinal: RecurrentState<S>? = nil, dInitial: RecurrentState<S>? = nil,
        recurrent: PackedStrips<S>? = nil
    ) {
        let G = gateRows, H = hiddenSize
        let wIH = MatrixView(p + weightIH.offset, rows: G, columns: inputSize)
        let wHH = MatrixView(p + weightHH.offset, rows: G, columns: H)
        let dA = scratch.dGates
        precondition(dInitial == nil || initial != nil, "∂L/∂h₀ needs the initial state it is the gradient of")

        // 1. Back through time, the forward loop in mirror image. What arrives at the last
        //    step from beyond it: ∂L/∂(final state), or nothing.
        copyOrZero(dFinal?.h, into: scratch.dhNext, rows: B)
        copyOrZero(dFinal?.c, into: scratch.dcNext, rows: B)
        for s in stride(from: T - 1, through: 0, by: -1) {
            let t = time(s, steps: T)
            let previous = previousState(s, steps: T, batch: B, cache: cache, initial: initial)
            // ∂L/∂h_t = ∂L/∂h_t from the layer above + the carry from step s + 1
            let dOut = dOutput.rows(t * B, B)
            for b in 0..<B {
                let sum = scratch.dh.base + b * scratch.dh.stride
                let above = dOut.base + b * dOut.stride, carried = scratch.dhNext.base + b * scratch.dhNext.stride
                for j in 0..<H { sum[j] = above[j] + carried[j] }
            }
            if let gradientNorms {  // ‖∂L/∂h_t‖ over the batch, for lessons on gradient flow
                var sum = 0.0
                for b in 0..<B { for j in 0..<H { sum += Double(scratch.dh[b, j] * scratch.dh[b, j]) } }
                gradientNorms[t] = sum.squareRoot()
            }
            switch cell {
            case .rnn:
                RNNCell.backward(dh: scratch.dh, h: cache.output.rows(t * B, B), dPreactivation: dA.rows(t * B, B))
            case .lstm:
                LSTMCell.backward(
                    dh: scratch.dh, dc: scratch.dcNext, gates: cache.gates.rows(t * B, B),
                    cPrevious: previous?.c, tanhC: cache.tanhCells!.rows(t * B, B), dGates: dA.rows(t * B, B))
            }
            guard s > 0 else {
                // a_0 = … + h₀·W_hhᵀ  ⇒  ∂L/∂h₀ = ∂L/∂a_0 · W_hh; ∂L/∂c₀ is what the cell left in dcNext
                if let dInitial {
                    gemm(dInitial.h, dA.rows(t * B, B), wHH)  // (B, G) · (G, H) → (B, H)
                    if let dc = dInitial.c { copyOrZero(scratch.dcNext, into: dc, rows: B) }
                }
                break
            }
            // a_t = … + h₋₁·W_hhᵀ  ⇒  ∂L/∂h₋₁ = ∂L/∂a_t · W_hh, scaled (or cut) by truncation
            let factor = carry[s]
            if factor == 0 {
                scratch.dhNext.base.update(repeating: 0, count: B * H)
                scratch.dcNext.base.update(repeating: 0, count: B * H)
            } else {
                RecurrentProduct.backward(scratch.dhNext, dA.rows(t * B, B), weights: wHH, packed: recurrent, alpha: factor)  // (B, G) · (G, H) → (B, H)
                if factor != 1 {
                    for k in 0..<(B * H) { scratch.dcNext.base[k] *= factor }
                }
            }
        }

        // 2. Weight gradients, every step in one product.
        // ∂L/∂W_hh += Σ_t ∂L/∂a_tᵀ · h₋₁   (G, (T−1)·B) · ((T−1)·B, H) → (G, H)
        let dWHH = MatrixView(g + weightHH.offset, rows: G, columns: H)
        if T > 1 {
            let dAWithPrevious = reversed ? dA.rows(0, (T - 1) * B) : dA.rows(B, (T - 1) * B)
            let hPrevious = reversed ? cache.output.rows(B, (T - 1) * B) : cache.output.rows(0, (T - 1) * B)
            gemm(dWHH, dAWithPrevious.T, hPrevious, beta: 1)
        }
        // … and the first step's term, when it started from a state: ∂L/∂a_0ᵀ · h₀   (G, B) · (B, H) → (G, H)
        if let initial {
            gemm(dWHH, dA.rows(time(0, steps: T) * B, B).T, initial.h, beta: 1)
        }
        // ∂L/∂b_ih = ∂L/∂b_hh = Σ_rows ∂L/∂a
        let dbIH = g + biasIH.offset, dbHH = g + biasHH.offset
        for r in 0..<(T * B) {
            let row = dA.base + r * dA.stride
            for k in 0..<G {
                dbIH[k] += row[k]
                dbHH[k] += row[k]
            }
        }
        switch input {
        case .oneHot(let tokens, _):
            // ∂L/∂W_ihᵀ[token] += ∂L/∂a for every step that read `token`
            let dWT = dWeightIHTransposed!
            for r in 0..<(T * B) {
                let row = dA.base + r * dA.stride, target = dWT.base + Int(tokens[r]) * dWT.stride
                for k in 0..<G { target[k] += row[k] }
            }
        case .dense(let x):
            gemm(MatrixView(g + weightIH.offset, rows: G, columns: inputSize), dA.T, x, beta: 1)  // (G, T·B) · (T·B, in) → (G, in)
            if let dInput {
                gemm(dInput, dA, wIH, beta: 1)  // (T·B, G) · (G, in) → (T·B, in)
            }
        }
    }

    /// `destination` (B, H) ← `source`, or zeros when there is none.
    private func copyOrZero<S: NeuralScalar>(_ source: MatrixView<S>?, into destination: MatrixView<S>, rows B: Int) {
        for b in 0..<B {
            let row = destination.base + b * destination.stride
            if let source {
                row.update(from: source.base + b * source.stride, count: hiddenSize)
            } else {
                row.update(repeating: 0, count: hiddenSize)
            }
        }
    }
}
