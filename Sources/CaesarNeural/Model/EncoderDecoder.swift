/// A sequence-to-sequence network: an encoder (a stack of RNN or LSTM layers, optionally
/// bidirectional) reads the input; a unidirectional decoder of the same depth, started in each
/// layer from the encoder's final state of that layer, writes the output one token at a time,
/// reading the previous token one-hot; a linear head and softmax at every decoder step.
///
///     encoder:   e = encoder(x)                      (T·B, D); final state of layer l (B, D)
///     handover:  s₀ˡ = [e_fwd at t = T−1 ; e_bwd at t = 0] of layer l   (h, and c for the LSTM)
///     decoder:   s_t = decoder(y_t, s_{t−1})          (B, D), t = 0 … T−2, y_0 = the start token
///     head:      logits_t = s_t·W_outᵀ + b_out       (B, O), predicting y_{t+1}
///     L = mean over the counted targets y_1 … y_{T−1} of −log softmax(logits)_y
///
/// Training is teacher-forced: the decoder reads the true previous token, row t of the
/// batch's `targets`, which begin with the start token (and, for the decrypter, end with the
/// end token). Backward mirrors the forward pass: the decoder's BPTT ends in ∂L/∂s₀, which is
/// ∂L/∂ of the encoder's final states, and the encoder's BPTT starts from there (its outputs
/// feed nothing else). Inference decodes greedily, feeding back its own most probable token
/// (``greedyDecode(_:start:end:maximumLength:)``).
///
/// Tensors (``ParameterLayout``): `encoder.*` as `nn.LSTM(V, H, L, bidirectional)`,
/// `decoder.*` as `nn.LSTM(O, D, L)`, `out.*` as `nn.Linear(D, O)`.
public final class EncoderDecoder<Scalar: NeuralScalar>: WorkerPasses, @unchecked Sendable {
    // What every model holds, forwarded to its core (`_modify`: updated in place, never copied).
    public var architecture: Architecture { core.architecture }
    public var parameters: ParameterSet<Scalar> { get { core.parameters } _modify { yield &core.parameters } }
    public var gradients: ParameterSet<Scalar> { get { core.gradients } _modify { yield &core.gradients } }
    public var threads: Int { get { core.threads } set { core.threads = newValue } }

    var core: ModelCore<Scalar>
    var encoder: RecurrentStack<Scalar> { core.stacks[0] }
    var decoder: RecurrentStack<Scalar> { core.stacks[1] }

    public init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int = 2) {
        core = ModelCore(architecture: architecture, parameters: parameters, threads: threads, setups: ["encoder-decoder"])
    }

    // MARK: - Inference

    /// The teacher-forced logits of every decoder step, ((T−1)·B, O) time-major: row t·B + b
    /// predicts sequence b's target at step t + 1.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func logits(_ batch: SequenceBatch) -> Matrix<Scalar> {
        gatheredLogits(batch, rowsPerSequence: decoderSteps(batch))
    }

    /// log P(y_1 … y_{T−1} | x) of every sequence (B): the teacher-forced log-probabilities
    /// of its counted targets, summed. How likely the model finds a given output.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func logLikelihoods(_ batch: SequenceBatch) -> [Double] {
        let logits = logits(batch), O = architecture.outputSize, B = batch.size
        var sums = [Double](repeating: 0, count: B)
        for r in 0..<logits.rows {
            let y = batch.targets[r + B]  // row r predicts the target one step later
            guard y != batch.ignoredTarget else { continue }
            sums[r % B] += logSoftmax(logits.values[(r * O)..<((r + 1) * O)])[Int(y)]
        }
        return sums
    }

    /// The greedy output of every sequence: the decoder starts from the encoder's final states
    /// and `start`, and feeds back its most probable token until it writes `end` (not
    /// included) or has written `maximumLength` tokens. Targets of `batch` are not read.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public func greedyDecode(_ batch: SequenceBatch, start: Int32, end: Int32, maximumLength: Int) -> [[Int32]] {
        precondition(maximumLength >= 0, "a maximum length cannot be negative")
        let results = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: batch.size)
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        let inputs = SequenceBatch(steps: batch.steps, size: batch.size, inputs: batch.inputs)
        run(inputs) { _, worker, part, range, p in
            let decoded = self.decode(worker, part, parameters: p, start: start, end: end, maximumLength: maximumLength)
            for (k, b) in range.enumerated() { results[b] = decoded[k] }
        }
        return Array(results)
    }

    /// The mean cross-entropy of the counted targets after the first, without touching the gradients.
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func loss(_ batch: SequenceBatch) -> Double {
        let total = Double(batch.countedTargets(fromStep: 1))
        return total > 0 ? summedLoss(batch) / total : 0
    }

    // MARK: - Training

    /// Forward (teacher-forced), the mean cross-entropy over the counted targets y_1 … y_{T−1},
    /// and backpropagation through the decoder, the handover and the encoder; adds ∂L/∂θ into
    /// ``gradients``. `carry` (T factors) truncates the encoder's BPTT, and its first T − 1
    /// the decoder's.
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Float)  // calls through TrainableModel: see its documentation
    public func lossAndGradients(_ batch: SequenceBatch, carry: [Double]? = nil) -> Double {
        let total = batch.countedTargets(fromStep: 1)
        guard total > 0 else { return 0 }
        return summedLossAndGradients(batch, carry: carry, count: total) / Double(total)
    }

    // MARK: - Passes of one worker

    /// The decoder runs one step fewer than the encoder: it reads targets 0 … T−2.
    private func decoderSteps(_ batch: SequenceBatch) -> Int {
        precondition(batch.steps >= 2 && batch.targets.count == batch.steps * batch.size, "an encoder–decoder batch needs targets of at least 2 steps")
        return batch.steps - 1
    }

    /// The state handed from encoder to decoder, per layer (B, D); `gradient`: ∂L/∂ of it.
    private func handover(_ w: Workspace<Scalar>, batch B: Int, gradient: Bool = false) -> [RecurrentState<Scalar>] {
        (0..<architecture.layers).map { w.handoverState(layer: $0, batch: B, gradient: gradient) }
    }

    /// The encoder over the inputs, then its final states copied to where the decoder starts.
    private func encode(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>) {
        let T = batch.steps, B = batch.size
        batch.inputs.withUnsafeBufferPointer { tokens in
            encoder.forward(w.stacks[0], tokens: tokens.baseAddress!, steps: T, batch: B, parameters: p, threads: threads)
        }
        for (l, state) in handover(w, batch: B).enumerated() {
            encoder.finalState(layer: l, w.stacks[0], steps: T, batch: B, into: state)
        }
    }

    func forward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>) {
        let steps = decoderSteps(batch), B = batch.size, m = steps * B
        encode(w, batch, parameters: p)
        batch.targets.withUnsafeBufferPointer { targets in  // teacher forcing: the decoder reads y_0 … y_{T−2}
            decoder.forward(w.stacks[1], tokens: targets.baseAddress!, steps: steps, batch: B, parameters: p, initial: handover(w, batch: B))
        }
        core.head.forward(h: w.stacks[1].top(rows: m), parameters: p, logits: w.logits.view(rows: m, columns: architecture.outputSize))  // ((T−1)·B, D) · (D, O)
    }

    /// Turns the worker's logits into `scale`·∂L/∂logits against targets 1 … T−1; returns the summed loss.
    func softmaxCrossEntropy(_ w: Workspace<Scalar>, _ batch: SequenceBatch, scale: Scalar) -> Double {
        batch.targets.withUnsafeBufferPointer { targets in
            SoftmaxCrossEntropy.lossAndGradient(
                logits: w.logits.view(rows: decoderSteps(batch) * batch.size, columns: architecture.outputSize),
                targets: targets.baseAddress! + batch.size, ignored: batch.ignoredTarget, scale: scale
            ).sum
        }
    }

    func backward(_ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar]) {
        let T = batch.steps, steps = T - 1, B = batch.size
        let encoderWorkspace = w.stacks[0], decoderWorkspace = w.stacks[1]
        // logits = s·W_outᵀ + b  ⇒  ∂L/∂s = ∂L/∂logits · W_out   ((T−1)·B, O) · (O, D) → ((T−1)·B, D)
        core.head.backward(
            h: decoderWorkspace.top(rows: steps * B), dLogits: w.logits.view(rows: steps * B, columns: architecture.outputSize),
            parameters: p, gradients: w.gradients.base, dH: decoderWorkspace.dTop(rows: steps * B))
        // The decoder's BPTT, down to ∂L/∂s₀: the gradient of the encoder's final states.
        let dHandover = handover(w, batch: B, gradient: true)
        batch.targets.withUnsafeBufferPointer { targets in
            decoder.backward(
                decoderWorkspace, tokens: targets.baseAddress!, steps: steps, batch: B, parameters: p, gradients: w.gradients.base,
                carry: Array(carry.prefix(steps)), initial: handover(w, batch: B), dInitial: dHandover)
        }
        // The encoder's BPTT: nothing reads its outputs, only its final states.
        let dTop = encoderWorkspace.dTop(rows: T * B)
        dTop.base.update(repeating: 0, count: T * B * dTop.columns)
        batch.inputs.withUnsafeBufferPointer { tokens in
            encoder.backward(
                encoderWorkspace, tokens: tokens.baseAddress!, steps: T, batch: B, parameters: p, gradients: w.gradients.base,
                carry: carry, dFinal: dHandover)
        }
    }

    /// Greedy decoding of one worker's part: one decoder step at a time, each starting from the
    /// state the previous one ended in.
    private func decode(
        _ w: Workspace<Scalar>, _ batch: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, start: Int32, end: Int32,
        maximumLength: Int
    ) -> [[Int32]] {
        let B = batch.size, O = architecture.outputSize
        encode(w, batch, parameters: p)
        let states = handover(w, batch: B), logits = w.logits.view(rows: B, columns: O)
        var tokens = [Int32](repeating: start, count: B)
        var outputs = [[Int32]](repeating: [], count: B), done = [Bool](repeating: false, count: B)
        var length = 0
        while length < maximumLength, done.contains(false) {
            tokens.withUnsafeBufferPointer { previous in
                decoder.forward(w.stacks[1], tokens: previous.baseAddress!, steps: 1, batch: B, parameters: p, initial: states)
            }
            core.head.forward(h: w.stacks[1].top(rows: B), parameters: p, logits: logits)  // (B, D) · (D, O) → (B, O)
            for (l, state) in states.enumerated() {  // where the next step starts
                decoder.finalState(layer: l, w.stacks[1], steps: 1, batch: B, into: state)
            }
            for b in 0..<B where !done[b] {
                tokens[b] = SoftmaxCrossEntropy.argmax(logits.base + b * logits.stride, count: O)
                if tokens[b] == end { done[b] = true } else { outputs[b].append(tokens[b]) }
            }
            length += 1
        }
        return outputs
    }
}
