/// A many-to-one recurrent network, the key classifier: one-hot tokens in, a stack of RNN or
/// LSTM layers (optionally bidirectional), the top layer pooled over time into one vector per
/// sequence, and a linear head with softmax over O classes (the 26 keys).
///
///     h = stack(x)                  (T·B, D)   as in the many-to-many network
///     z = pool(h)                   (B, D)     final states, or the mean over t (``Pooling``)
///     logits = z·W_outᵀ + b_out     (B, O)
///     L = mean over the B sequences of −log softmax(logits)_label
///
/// Backward mirrors it: the head gives ∂L/∂z, pooling puts it back on the steps it came from,
/// and BPTT does the rest. With final-state pooling the loss touches only the last step of
/// each direction; what the network learns from the other characters travels back through time.
///
/// Tensors as ``ManyToManyModel``'s (`rnn.*`, `out.weight` (O, D), `out.bias` (O)); labels come
/// from ``SequenceBatch/labels``. Workers split the batch as in ``ManyToManyModel``.
public final class KeyClassifier<Scalar: NeuralScalar>: WorkerPasses, @unchecked Sendable {
    // What every model holds, forwarded to its core (`_modify`: updated in place, never copied).
    public var architecture: Architecture { core.architecture }
    public var parameters: ParameterSet<Scalar> { get { core.parameters } _modify { yield &core.parameters } }
    public var gradients: ParameterSet<Scalar> { get { core.gradients } _modify { yield &core.gradients } }
    public var threads: Int { get { core.threads } set { core.threads = newValue } }

    var core: ModelCore<Scalar>
    let pooling: Pooling
    var stack: RecurrentStack<Scalar> { core.stacks[0] }

    public init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int = 2) {
        core = ModelCore(architecture: architecture, parameters: parameters, threads: threads, setups: ["many-to-one"])
        pooling = architecture.setup.pooling!
    }

    // MARK: - Inference

    /// The logits of every sequence, (B, O).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func logits(_ batch: SequenceBatch) -> Matrix<Scalar> {
        gatheredLogits(batch, rowsPerSequence: 1)
    }

    /// The most probable class of every sequence (B).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func predictions(_ batch: SequenceBatch) -> [Int32] {
        predictedClasses(batch, rowsPerSequence: 1)
    }

    /// The mean cross-entropy of the labels, without touching the gradients.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func loss(_ batch: SequenceBatch) -> Double {
        precondition(batch.labels.count == batch.size, "the loss needs a label per sequence")
        return summedLoss(batch) / Double(batch.size)
    }

    /// ``loss(_:)`` and ``predictions(_:)`` from one forward pass (what validation measures).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func lossAndPredictions(_ batch: SequenceBatch) -> (loss: Double, predictions: [Int32]) {
        precondition(batch.labels.count == batch.size, "the loss needs a label per sequence")
        let (sum, predictions) = summedLossAndPredictions(batch, rowsPerSequence: 1)
        return (sum / Double(batch.size), predictions)
    }

    // MARK: - Training

    /// Forward, the mean cross-entropy over the B labels, and backpropagation through the
    /// pooling and through time; adds ∂L/∂θ into ``gradients``.
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func lossAndGradients(_ batch: SequenceBatch, carry: [Double]? = nil) -> Double {
        precondition(batch.labels.count == batch.size, "training needs a label per sequence")
        return summedLossAndGradients(batch, carry: carry, count: batch.size) / Double(batch.size)
    }

    // MARK: - Passes of one worker

    func forward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>) {
        let T = batch.steps, B = batch.size, D = architecture.layerOutputSize
        batch.inputs.withUnsafeBufferPointer { tokens in
            stack.forward(w.stacks[0], tokens: tokens.baseAddress!, steps: T, batch: B, parameters: p, threads: threads)
        }
        let z = w.pooled.view(rows: B, columns: D)
        SequencePooling.forward(pooling, h: w.stacks[0].top(rows: T * B), steps: T, batch: B, hiddenSize: architecture.hiddenSize, pooled: z)
        core.head.forward(h: z, parameters: p, logits: w.logits.view(rows: B, columns: architecture.outputSize))  // (B, D) · (D, O) → (B, O)
    }

    func softmaxCrossEntropy(_ w: Workspace<Scalar>, _ batch: SequenceBatch, scale: Scalar) -> Double {
        batch.labels.withUnsafeBufferPointer { labels in
            SoftmaxCrossEntropy.lossAndGradient(
                logits: w.logits.view(rows: batch.size, columns: architecture.outputSize), targets: labels.baseAddress!,
                ignored: nil, scale: scale
            ).sum
        }
    }

    func backward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar]) {
        let T = batch.steps, B = batch.size, D = architecture.layerOutputSize, stackWorkspace = w.stacks[0]
        let z = w.pooled.view(rows: B, columns: D), dZ = w.dPooled.view(rows: B, columns: D)
        // logits = z·W_outᵀ + b  ⇒  ∂L/∂W_out, ∂L/∂b, and ∂L/∂z = ∂L/∂logits · W_out   (B, O) · (O, D) → (B, D)
        core.head.backward(h: z, dLogits: w.logits.view(rows: B, columns: architecture.outputSize), parameters: p,
                      gradients: w.gradients.base, dH: dZ)
        // z = pool(h)  ⇒  ∂L/∂h on the steps z came from   (B, D) → (T·B, D)
        SequencePooling.backward(pooling, dPooled: dZ, steps: T, batch: B, hiddenSize: architecture.hiddenSize, dH: stackWorkspace.dTop(rows: T * B))
        batch.inputs.withUnsafeBufferPointer { tokens in
            stack.backward(stackWorkspace, tokens: tokens.baseAddress!, steps: T, batch: B, parameters: p,
                           gradients: w.gradients.base, carry: carry)
        }
    }
}
