/// A many-to-many recurrent network: one-hot tokens in, a stack of RNN or LSTM layers
/// (optionally bidirectional), a linear head and softmax at every step.
///
/// The model owns its ``parameters`` and a ``gradients`` set of the same layout.
/// ``lossAndGradients(_:carry:)`` runs the forward pass, the fused softmax–cross-entropy, and
/// BPTT, adding ∂L/∂θ into `gradients`; an optimizer then updates `parameters`. The B sequences
/// of a batch are split between ``threads`` workers, each with its own activations and
/// gradient buffer, summed in a fixed order: results depend on the thread count in their
/// last bits (see ``Workers``) but are reproducible bit for bit for a given one on one machine.
public final class ManyToManyModel<Scalar: NeuralScalar>: WorkerPasses, @unchecked Sendable {
    // What every model holds, forwarded to its core (`_modify`: updated in place, never copied).
    public var architecture: Architecture { core.architecture }
    public var parameters: ParameterSet<Scalar> { get { core.parameters } _modify { yield &core.parameters } }
    public var gradients: ParameterSet<Scalar> { get { core.gradients } _modify { yield &core.gradients } }
    public var threads: Int { get { core.threads } set { core.threads = newValue } }

    var core: ModelCore<Scalar>
    var stack: RecurrentStack<Scalar> { core.stacks[0] }

    public init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int = 2) {
        core = ModelCore(architecture: architecture, parameters: parameters, threads: threads, setups: ["many-to-many", "language-model"])
    }

    // MARK: - Inference

    /// The logits of every step and sequence, (T·B, O) time-major.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func logits(_ batch: SequenceBatch) -> Matrix<Scalar> {
        gatheredLogits(batch, rowsPerSequence: batch.steps)
    }

    /// The mean cross-entropy of a batch without touching the gradients.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func loss(_ batch: SequenceBatch) -> Double {
        precondition(!batch.targets.isEmpty, "the loss needs targets")
        let total = Double(batch.countedTargets)
        return total > 0 ? summedLoss(batch) / total : 0
    }

    /// ``loss(_:)`` and ``predictions(_:)`` from one forward pass (what validation measures).
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func lossAndPredictions(_ batch: SequenceBatch) -> (loss: Double, predictions: [Int32]) {
        precondition(!batch.targets.isEmpty, "the loss needs targets")
        let (sum, predictions) = summedLossAndPredictions(batch, rowsPerSequence: batch.steps)
        let total = Double(batch.countedTargets)
        return (total > 0 ? sum / total : 0, predictions)
    }

    // MARK: - Training

    /// Forward, loss and BPTT for one batch: returns the mean cross-entropy over the counted
    /// targets and adds its gradient into ``gradients`` (which the caller zeroes between
    /// optimizer steps). `carry` comes from ``Truncation/carryFactors(steps:random:)``;
    /// nil means full BPTT.
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func lossAndGradients(_ batch: SequenceBatch, carry: [Double]? = nil) -> Double {
        precondition(!batch.targets.isEmpty, "training needs targets")
        let total = batch.countedTargets
        guard total > 0 else { return 0 }
        return summedLossAndGradients(batch, carry: carry, count: total) / Double(total)
    }

    // MARK: - Passes of one worker

    func forward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>) {
        let n = batch.steps * batch.size
        batch.inputs.withUnsafeBufferPointer { tokens in
            stack.forward(w.stacks[0], tokens: tokens.baseAddress!, steps: batch.steps, batch: batch.size, parameters: p, threads: threads)
        }
        core.head.forward(h: w.stacks[0].top(rows: n), parameters: p, logits: w.logits.view(rows: n, columns: architecture.outputSize))
    }

    func softmaxCrossEntropy(_ w: Workspace<Scalar>, _ batch: SequenceBatch, scale: Scalar) -> Double {
        batch.targets.withUnsafeBufferPointer { targets in
            SoftmaxCrossEntropy.lossAndGradient(
                logits: w.logits.view(rows: batch.steps * batch.size, columns: architecture.outputSize),
                targets: targets.baseAddress!, ignored: batch.ignoredTarget, scale: scale
            ).sum
        }
    }

    func backward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar]) {
        backward(w, batch, parameters: p, carry: carry, gradientNorms: nil)
    }

    /// Backward, and with `gradientNorms` (T) ‖∂L/∂h_t‖ of the first layer's forward direction.
    private func backward(
        _ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar],
        gradientNorms: UnsafeMutablePointer<Double>?
    ) {
        let n = batch.steps * batch.size, stackWorkspace = w.stacks[0]
        core.head.backward(
            h: stackWorkspace.top(rows: n), dLogits: w.logits.view(rows: n, columns: architecture.outputSize), parameters: p,
            gradients: w.gradients.base, dH: stackWorkspace.dTop(rows: n))
        batch.inputs.withUnsafeBufferPointer { tokens in
            stack.backward(
                stackWorkspace, tokens: tokens.baseAddress!, steps: batch.steps, batch: batch.size, parameters: p,
                gradients: w.gradients.base, carry: carry, gradientNorms: gradientNorms)
        }
    }
}

extension ManyToManyModel {
    /// softmax(logits) at every step: each row of (T·B, O), time-major, is a distribution
    /// over the O classes.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func probabilities(_ batch: SequenceBatch) -> Matrix<Scalar> {
        var result = logits(batch)
        result.values.withUnsafeMutableBufferPointer { p in
            SoftmaxCrossEntropy.softmax(MatrixView(p.baseAddress!, rows: result.rows, columns: result.columns))
        }
        return result
    }

    /// The most probable class at every step, (T·B) time-major. Each worker takes the argmax
    /// of its own logits, so the (T·B, O) logits of the whole batch are never gathered into
    /// one matrix.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func predictions(_ batch: SequenceBatch) -> [Int32] {
        predictedClasses(batch, rowsPerSequence: batch.steps)
    }
}

extension ManyToManyModel {
    /// The output h of every layer at every step: one (T·B, D) matrix per layer, time-major,
    /// both directions side by side (forward first). What the network "thinks" as it reads.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func hiddenStates(_ batch: SequenceBatch) -> [Matrix<Scalar>] {
        let D = architecture.layerOutputSize
        var states = (0..<architecture.layers).map { _ in Matrix<Scalar>(rows: batch.steps * batch.size, columns: D) }
        let single = ManyToManyModel(architecture: architecture, parameters: parameters, threads: 1)
        single.run(batch) { _, worker, part, _, p in
            single.forward(worker, part, parameters: p)
            for l in 0..<architecture.layers {
                states[l].values.withUnsafeMutableBufferPointer { out in
                    out.baseAddress!.update(from: worker.stacks[0].layerOutputs[l].base, count: batch.steps * batch.size * D)
                }
            }
        }
        return states
    }

    /// How the gradient of the loss at one step reaches earlier steps: ‖∂L_t/∂h_s‖ for every
    /// step s of the first layer's forward direction, where L_t is the cross-entropy at step
    /// `step` alone (summed over the batch). Entries after `step` are 0. Vanishing gradients
    /// show as a fast fall with the distance t − s.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func gradientNormsThroughTime(_ batch: SequenceBatch, lossAt step: Int) -> [Double] {
        precondition(!batch.targets.isEmpty && (0..<batch.steps).contains(step), "a step of a batch with targets")
        var only = batch
        let ignored = Int32.min
        only.ignoredTarget = ignored
        for t in 0..<batch.steps where t != step {
            for b in 0..<batch.size { only.targets[t * batch.size + b] = ignored }
        }
        var norms = [Double](repeating: 0, count: batch.steps)
        let single = ManyToManyModel(architecture: architecture, parameters: parameters, threads: 1)
        let factors = [Scalar](repeating: 1, count: batch.steps)
        norms.withUnsafeMutableBufferPointer { out in
            single.run(only, backward: true) { _, worker, part, _, p in
                worker.gradients.zero()
                single.forward(worker, part, parameters: p)
                _ = single.softmaxCrossEntropy(worker, part, scale: 1)
                single.backward(worker, part, parameters: p, carry: factors, gradientNorms: out.baseAddress!)
            }
        }
        return norms
    }
}
