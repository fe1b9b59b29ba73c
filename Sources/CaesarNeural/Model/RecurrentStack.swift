/// A stack of recurrent layers over one-hot input: what one `torch.nn.LSTM`/`nn.RNN` module
/// computes. Layer 0 reads tokens, every other layer the output of the layer below; each
/// layer is one ``RecurrentDirection`` or two (forward and reversed, outputs side by side).
///
/// Shapes: tokens (T·B) time-major, every layer's output (T·B, D) with D = directions·H.
/// A layer's *state* (initial or final) is (B, D): the directions side by side, forward
/// first, as PyTorch's `h_n[2l]` and `h_n[2l+1]` concatenated. The forward direction ends at
/// t = T−1, the reversed one at t = 0.
///
/// The state can be handed on: ``forward(_:tokens:steps:batch:parameters:initial:)`` can start
/// every layer from a given state, and ``backward(_:tokens:steps:batch:parameters:gradients:carry:initial:dFinal:dInitial:gradientNorms:)``
/// takes ∂L/∂ of each layer's final state and gives back ∂L/∂ of its initial state, the
/// forward pass in mirror image. The encoder–decoder hands its encoder's final states to its
/// decoder this way.
final class RecurrentStack<Scalar: NeuralScalar> {
    let shape: Architecture.Stack
    let directions: [[RecurrentDirection]]
    /// Copies of weights in the layout a fast path needs, rebuilt by
    /// ``refreshWeightCopies(_:forward:backward:)`` when the parameters change: W_ihᵀ (V, G) of
    /// each first-layer direction (with one-hot input, the input product is a gather of its
    /// rows), and W_hhᵀ (H, G) of every direction packed in strips (the recurrent products of
    /// one or a few sequences); for backward, W_hh (G, H) packed the same way, made only once
    /// a pass needs it (a decrypter never does: it would cost 2 MB and 2 ms to build for the
    /// default model).
    private let oneHotWeights: [Buffer<Scalar>]
    private let recurrentWeightsTransposed: [[Buffer<Scalar>]]
    private var recurrentWeights: [[Buffer<Scalar>]]?
    /// Whether `recurrentWeights` holds the current parameters (a backward pass without them
    /// multiplies through BLAS on W_hh itself: the same product, never stale weights).
    private var recurrentWeightsAreCurrent = false

    init(_ shape: Architecture.Stack, layout: ParameterLayout) {
        self.shape = shape
        directions = (0..<shape.layers).map { layer in
            (0..<shape.directions).map { direction in
                let suffix = "_" + ParameterLayout.suffix(layer: layer, direction: direction)
                func entry(_ kind: String) -> ParameterLayout.Entry { layout.entry(shape.name + "." + kind + suffix) }  // rnn.weight_ih_l0
                return RecurrentDirection(
                    cell: shape.cell, inputSize: shape.inputSize(ofLayer: layer), hiddenSize: shape.hiddenSize,
                    reversed: direction == 1, weightIH: entry("weight_ih"), weightHH: entry("weight_hh"),
                    biasIH: entry("bias_ih"), biasHH: entry("bias_hh"))
            }
        }
        oneHotWeights = (0..<shape.directions).map { _ in Buffer(count: shape.inputSize * shape.gateRows) }
        recurrentWeightsTransposed = (0..<shape.layers).map { _ in
            (0..<shape.directions).map { _ in Buffer(count: PackedStrips<Scalar>.count(k: shape.hiddenSize, n: shape.gateRows)) }
        }
    }

    /// Rebuilds the weight copies forward passes read, and those backward passes read, from the
    /// parameters `p` (call before workers read them).
    func refreshWeightCopies(_ p: UnsafeMutablePointer<Scalar>, forward: Bool, backward: Bool) {
        let V = shape.inputSize, G = shape.gateRows, H = shape.hiddenSize
        func transpose(_ w: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, into wT: UnsafeMutablePointer<Scalar>) {
            for r in 0..<rows {
                for c in 0..<columns { wT[c * rows + r] = w[r * columns + c] }
            }
        }
        if backward && recurrentWeights == nil {
            recurrentWeights = directions.map { layer in layer.map { _ in Buffer(count: PackedStrips<Scalar>.count(k: G, n: H)) } }
        }
        for (l, layer) in directions.enumerated() {
            for (d, direction) in layer.enumerated() {
                if forward {
                    if l == 0 { transpose(p + direction.weightIH.offset, rows: G, columns: V, into: oneHotWeights[d].base) }
                    _ = PackedStrips(packing: p + direction.weightHH.offset, k: H, n: G, into: recurrentWeightsTransposed[l][d].base)
                }
                if backward, let recurrentWeights {
                    _ = PackedStrips(packingRows: p + direction.weightHH.offset, k: G, n: H, into: recurrentWeights[l][d].base)
                }
            }
        }
        if backward { recurrentWeightsAreCurrent = true } else if forward { recurrentWeightsAreCurrent = false }
    }

    private func input(layer l: Int, direction d: Int, _ w: StackWorkspace<Scalar>, tokens: UnsafePointer<Int32>, rows n: Int) -> LayerInput<Scalar> {
        if l == 0 {
            return .oneHot(tokens: tokens, weightsTransposed: oneHotWeights[d].view(rows: shape.inputSize, columns: shape.gateRows))
        }
        return .dense(w.layerOutputs[l - 1].view(rows: n, columns: shape.outputSize))
    }

    /// Forward over T steps of B sequences, layer by layer; every layer starts from
    /// `initial[l]` (B, D) when given, else from zero. The top layer's output is
    /// ``StackWorkspace/top(rows:)`` (T·B, D).
    ///
    /// `threads`: cores this call may use. A batch of one sequence is not split between
    /// workers, so with two cores the two directions of a bidirectional layer run side by side,
    /// each on its own core (they share nothing but the layer's input, and write disjoint
    /// columns of its output), and a single direction shares each of its steps between the
    /// two (``RecurrentDirection``). Either way the result is one core's, bit for bit: every
    /// value is computed by the same code on the same operands, and every BLAS call has the
    /// same shape as one core's (BLAS may round a row differently in a call of another shape).
    func forward(
        _ w: StackWorkspace<Scalar>, tokens: UnsafePointer<Int32>, steps T: Int, batch B: Int,
        parameters p: UnsafeMutablePointer<Scalar>, initial: [RecurrentState<Scalar>]? = nil, threads: Int = 1
    ) {
        precondition(initial == nil || initial!.count == shape.layers, "one initial state per layer")
        let n = T * B, H = shape.hiddenSize
        for l in 0..<shape.layers {
            func run(direction d: Int, threads: Int) {
                let transposed = PackedStrips(base: recurrentWeightsTransposed[l][d].base, k: H, n: shape.gateRows)
                directions[l][d].forward(
                    input: input(layer: l, direction: d, w, tokens: tokens, rows: n), parameters: p, steps: T, batch: B,
                    cache: w.cache(layer: l, direction: d, rows: n), recurrentTransposed: transposed,
                    initial: initial?[l].direction(d, hiddenSize: H), threads: threads)
            }
            if B == 1 && threads >= 2 && directions[l].count == 2 {
                Parallel.forEach(2) { run(direction: $0, threads: 1) }
            } else {
                for d in directions[l].indices { run(direction: d, threads: B == 1 ? threads : 1) }
            }
        }
    }

    /// BPTT through every layer, top to bottom, from ∂L/∂(top output) in
    /// ``StackWorkspace/dTop(rows:)`` (T·B, D), which it then uses as scratch. Adds ∂L/∂θ into
    /// `gradients`. `initial` must be what forward started from; `dFinal[l]` (B, D) is ∂L/∂ of
    /// layer l's final state from beyond the sequence, and `dInitial[l]` (B, D) receives ∂L/∂
    /// of its initial state. `gradientNorms` (T): ‖∂L/∂h_t‖ of the first layer's forward direction.
    func backward(
        _ w: StackWorkspace<Scalar>, tokens: UnsafePointer<Int32>, steps T: Int, batch B: Int,
        parameters p: UnsafeMutablePointer<Scalar>, gradients g: UnsafeMutablePointer<Scalar>, carry: [Scalar],
        initial: [RecurrentState<Scalar>]? = nil, dFinal: [RecurrentState<Scalar>]? = nil, dInitial: [RecurrentState<Scalar>]? = nil,
        gradientNorms: UnsafeMutablePointer<Double>? = nil
    ) {
        let n = T * B, D = shape.outputSize, H = shape.hiddenSize, V = shape.inputSize, G = shape.gateRows
        var dOutput = w.dOutput.view(rows: n, columns: D)
        var dBelow = w.dBelow.view(rows: n, columns: D)
        for l in stride(from: shape.layers - 1, through: 0, by: -1) {
            if l > 0 { dBelow.base.update(repeating: 0, count: n * D) }
            for (d, direction) in directions[l].enumerated() {
                let dWT = w.dWeightIHTransposed.view(rows: V, columns: G)
                if l == 0 { w.dWeightIHTransposed.zero() }
                direction.backward(
                    input: input(layer: l, direction: d, w, tokens: tokens, rows: n), parameters: p, gradients: g,
                    steps: T, batch: B, cache: w.cache(layer: l, direction: d, rows: n),
                    dOutput: dOutput.columns(d * H, H), carry: carry, scratch: w.scratch(rows: n, batch: B),
                    dInput: l > 0 ? dBelow : nil, dWeightIHTransposed: l == 0 ? dWT : nil,
                    gradientNorms: l == 0 && d == 0 ? gradientNorms : nil,
                    initial: initial?[l].direction(d, hiddenSize: H), dFinal: dFinal?[l].direction(d, hiddenSize: H),
                    dInitial: dInitial?[l].direction(d, hiddenSize: H),
                    recurrent: recurrentWeightsAreCurrent ? recurrentWeights.map { PackedStrips(base: $0[l][d].base, k: G, n: H) } : nil)
                if l == 0 {
                    // ∂L/∂W_ih (G, V) += (∂L/∂W_ihᵀ)ᵀ
                    let dW = g + direction.weightIH.offset
                    for row in 0..<G {
                        for v in 0..<V { dW[row * V + v] += dWT[v, row] }
                    }
                }
            }
            swap(&dOutput, &dBelow)
        }
    }

    /// Copies layer l's final state into `state` (B, D): each direction's h (and c) at its
    /// last processed step, t = T−1 forward and t = 0 reversed.
    func finalState(layer l: Int, _ w: StackWorkspace<Scalar>, steps T: Int, batch B: Int, into state: RecurrentState<Scalar>) {
        let n = T * B, H = shape.hiddenSize
        for (d, direction) in directions[l].enumerated() {
            let rows = direction.time(T - 1, steps: T) * B
            let cache = w.cache(layer: l, direction: d, rows: n), target = state.direction(d, hiddenSize: H)
            copy(cache.output.rows(rows, B), into: target.h)
            if let cells = cache.cells, let c = target.c { copy(cells.rows(rows, B), into: c) }
        }
    }

    private func copy(_ source: MatrixView<Scalar>, into target: MatrixView<Scalar>) {
        precondition(source.rows == target.rows && source.columns == target.columns)
        for r in 0..<source.rows {
            (target.base + r * target.stride).update(from: source.base + r * source.stride, count: source.columns)
        }
    }
}

extension RecurrentState {
    /// Direction d's columns of a layer's state (B, D): (B, H).
    func direction(_ d: Int, hiddenSize H: Int) -> RecurrentState {
        RecurrentState(h: h.columns(d * H, H), c: c?.columns(d * H, H))
    }
}
