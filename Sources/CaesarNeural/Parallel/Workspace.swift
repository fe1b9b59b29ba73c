/// Every activation and scratch buffer one worker's forward and backward pass over a (T, B)
/// batch needs, allocated once and reused for every batch that fits: up to `rows` = T·B rows
/// and `batch` sequences (training with windows of varied length needs no new allocation).
/// Each setup uses the parts it has (``Architecture/setup``).
final class Workspace<Scalar: NeuralScalar> {
    let rows: Int
    let batch: Int
    /// One per recurrent stack (``Architecture/stacks``): `rnn`, or `encoder` and `decoder`.
    let stacks: [StackWorkspace<Scalar>]
    /// (T·B, O): logits, then ∂L/∂logits (the many-to-one uses B rows).
    let logits: Buffer<Scalar>
    /// Many-to-one, (B, D) each: the pooled top layer, and ∂L/∂ of it.
    let pooled: Buffer<Scalar>
    let dPooled: Buffer<Scalar>
    /// Encoder–decoder, per layer, (B, D) each: the state the encoder hands the decoder
    /// (h and, for the LSTM, c), and ∂L/∂ of it.
    let handover: [(h: Buffer<Scalar>, c: Buffer<Scalar>)]
    let dHandover: [(h: Buffer<Scalar>, c: Buffer<Scalar>)]
    /// This worker's gradient accumulator, laid out like the parameters.
    let gradients: Buffer<Scalar>
    private let architecture: Architecture

    init(architecture a: Architecture, rows n: Int, batch: Int, parameterCount: Int) {
        self.rows = n
        self.batch = batch
        architecture = a
        stacks = a.stacks.map { StackWorkspace($0, rows: n, batch: batch) }
        logits = Buffer(count: n * a.outputSize)
        pooled = Buffer(count: a.setup.pooling == nil ? 0 : batch * a.layerOutputSize)
        dPooled = Buffer(count: pooled.count)
        let stateCount = a.setup == .encoderDecoder ? batch * a.layerOutputSize : 0, lstm = a.cell == .lstm
        func states() -> [(h: Buffer<Scalar>, c: Buffer<Scalar>)] {
            (0..<a.layers).map { _ in (Buffer(count: stateCount), Buffer(count: lstm ? stateCount : 0)) }
        }
        handover = states()
        dHandover = states()
        gradients = Buffer(count: parameterCount)
    }

    /// Whether a part of `steps` × `size` fits.
    func fits(rows n: Int, batch size: Int) -> Bool { n <= rows && size <= batch }

    /// The encoder–decoder's state of layer l for B sequences (B, D), or its gradient.
    func handoverState(layer l: Int, batch B: Int, gradient: Bool = false) -> RecurrentState<Scalar> {
        let buffers = gradient ? dHandover[l] : handover[l], D = architecture.layerOutputSize
        return RecurrentState(h: buffers.h.view(rows: B, columns: D), c: architecture.cell == .lstm ? buffers.c.view(rows: B, columns: D) : nil)
    }
}

/// The buffers of one ``RecurrentStack`` for up to `rows` = T·B rows and `batch` sequences.
final class StackWorkspace<Scalar: NeuralScalar> {
    let shape: Architecture.Stack
    /// Per layer: the output h of both directions side by side (T·B, D).
    let layerOutputs: [Buffer<Scalar>]
    /// Per layer and direction: pre-activations, then gates (T·B, G).
    let gates: [[Buffer<Scalar>]]
    /// Per layer and direction, LSTM only: c and tanh(c) (T·B, H).
    let cells: [[Buffer<Scalar>]]
    let tanhCells: [[Buffer<Scalar>]]
    /// (T·B, D): ∂L/∂(this layer's output) and ∂L/∂(the layer below's output).
    let dOutput: Buffer<Scalar>
    let dBelow: Buffer<Scalar>
    /// (T·B, G), (B, H) ×3, (V, G): backward scratch, shared by the directions in turn.
    let dGates: Buffer<Scalar>
    let dh: Buffer<Scalar>
    let dhNext: Buffer<Scalar>
    let dcNext: Buffer<Scalar>
    let dWeightIHTransposed: Buffer<Scalar>

    init(_ shape: Architecture.Stack, rows n: Int, batch: Int) {
        self.shape = shape
        let G = shape.gateRows, H = shape.hiddenSize, D = shape.outputSize
        let lstm = shape.cell == .lstm
        layerOutputs = (0..<shape.layers).map { _ in Buffer(count: n * D) }
        gates = (0..<shape.layers).map { _ in (0..<shape.directions).map { _ in Buffer(count: n * G) } }
        cells = (0..<shape.layers).map { _ in (0..<shape.directions).map { _ in Buffer(count: lstm ? n * H : 0) } }
        tanhCells = (0..<shape.layers).map { _ in (0..<shape.directions).map { _ in Buffer(count: lstm ? n * H : 0) } }
        dOutput = Buffer(count: n * D)
        dBelow = Buffer(count: n * D)
        dGates = Buffer(count: n * G)
        dh = Buffer(count: batch * H)
        dhNext = Buffer(count: batch * H)
        dcNext = Buffer(count: batch * H)
        dWeightIHTransposed = Buffer(count: shape.inputSize * G)
    }

    /// The top layer's output (T·B, D), `n` = T·B.
    func top(rows n: Int) -> MatrixView<Scalar> { layerOutputs[shape.layers - 1].view(rows: n, columns: shape.outputSize) }

    /// Where the backward pass expects ∂L/∂(top output) (T·B, D).
    func dTop(rows n: Int) -> MatrixView<Scalar> { dOutput.view(rows: n, columns: shape.outputSize) }

    /// Views for a batch of `n` = T·B rows.
    func cache(layer l: Int, direction d: Int, rows n: Int) -> DirectionCache<Scalar> {
        let H = shape.hiddenSize
        let lstm = shape.cell == .lstm
        return DirectionCache(
            gates: gates[l][d].view(rows: n, columns: shape.gateRows),
            cells: lstm ? cells[l][d].view(rows: n, columns: H) : nil,
            tanhCells: lstm ? tanhCells[l][d].view(rows: n, columns: H) : nil,
            output: layerOutputs[l].view(rows: n, columns: shape.outputSize).columns(d * H, H))
    }

    func scratch(rows n: Int, batch B: Int) -> DirectionScratch<Scalar> {
        let H = shape.hiddenSize
        return DirectionScratch(
            dGates: dGates.view(rows: n, columns: shape.gateRows),
            dh: dh.view(rows: B, columns: H),
            dhNext: dhNext.view(rows: B, columns: H),
            dcNext: dcNext.view(rows: B, columns: H))
    }
}
