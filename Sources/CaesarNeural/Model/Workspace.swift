/// Every activation and scratch buffer one forward and backward pass over a (T, B) batch
/// needs, allocated once and reused for every batch that fits: up to `rows` = T·B rows and
/// `batch` sequences (training with windows of varied length needs no new allocation).
final class Workspace<Scalar: NeuralScalar> {
    let rows: Int
    let batch: Int
    /// Per layer: the output h of both directions side by side (T·B, D).
    let layerOutputs: [Buffer<Scalar>]
    /// Per layer and direction: pre-activations, then gates (T·B, G).
    let gates: [[Buffer<Scalar>]]
    /// Per layer and direction, LSTM only: c and tanh(c) (T·B, H).
    let cells: [[Buffer<Scalar>]]
    let tanhCells: [[Buffer<Scalar>]]
    /// (T·B, O): logits, then ∂L/∂logits.
    let logits: Buffer<Scalar>
    /// (T·B, D): ∂L/∂(this layer's output) and ∂L/∂(the layer below's output).
    let dOutput: Buffer<Scalar>
    let dBelow: Buffer<Scalar>
    /// (T·B, G), (B, H) ×3, (V, G): backward scratch, shared by the directions in turn.
    let dGates: Buffer<Scalar>
    let dh: Buffer<Scalar>
    let dhNext: Buffer<Scalar>
    let dcNext: Buffer<Scalar>
    let dWeightIHTransposed: Buffer<Scalar>
    /// This worker's gradient accumulator, laid out like the parameters.
    let gradients: Buffer<Scalar>

    init(architecture a: Architecture, rows n: Int, batch: Int, parameterCount: Int) {
        self.rows = n
        self.batch = batch
        let G = a.gateRows, H = a.hiddenSize, D = a.layerOutputSize
        let lstm = a.cell == .lstm
        layerOutputs = (0..<a.layers).map { _ in Buffer(count: n * D) }
        gates = (0..<a.layers).map { _ in (0..<a.directions).map { _ in Buffer(count: n * G) } }
        cells = (0..<a.layers).map { _ in (0..<a.directions).map { _ in Buffer(count: lstm ? n * H : 0) } }
        tanhCells = (0..<a.layers).map { _ in (0..<a.directions).map { _ in Buffer(count: lstm ? n * H : 0) } }
        logits = Buffer(count: n * a.outputSize)
        dOutput = Buffer(count: n * D)
        dBelow = Buffer(count: n * D)
        dGates = Buffer(count: n * G)
        dh = Buffer(count: batch * H)
        dhNext = Buffer(count: batch * H)
        dcNext = Buffer(count: batch * H)
        dWeightIHTransposed = Buffer(count: a.inputSize * G)
        gradients = Buffer(count: parameterCount)
    }

    /// Views for a batch of `n` = T·B rows.
    func cache(layer l: Int, direction d: Int, architecture a: Architecture, rows n: Int) -> DirectionCache<Scalar> {
        let H = a.hiddenSize
        let lstm = a.cell == .lstm
        return DirectionCache(
            gates: gates[l][d].view(rows: n, columns: a.gateRows),
            cells: lstm ? cells[l][d].view(rows: n, columns: H) : nil,
            tanhCells: lstm ? tanhCells[l][d].view(rows: n, columns: H) : nil,
            output: layerOutputs[l].view(rows: n, columns: a.layerOutputSize).columns(d * H, H))
    }

    func scratch(architecture a: Architecture, rows n: Int, batch B: Int) -> DirectionScratch<Scalar> {
        let H = a.hiddenSize
        return DirectionScratch(
            dGates: dGates.view(rows: n, columns: a.gateRows),
            dh: dh.view(rows: B, columns: H),
            dhNext: dhNext.view(rows: B, columns: H),
            dcNext: dcNext.view(rows: B, columns: H))
    }
}
