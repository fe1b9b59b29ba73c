/// The passes a model runs on one worker's part of a batch, and what every setup builds from
/// them the same way: the loss of a batch, and the training pass (forward, loss, backward on
/// every worker, then the workers' gradients added up in a fixed order).
///
/// ``ManyToManyModel``, ``KeyClassifier`` and ``EncoderDecoder`` differ only in their passes;
/// what they hold is one ``ModelCore``.
protocol WorkerPasses: TrainableModel {
    var core: ModelCore<Scalar> { get set }
    func forward(_ w: Workspace<Scalar>, _ part: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>)
    /// Turns the worker's logits into `scale`·∂L/∂logits; returns the summed loss.
    func softmaxCrossEntropy(_ w: Workspace<Scalar>, _ part: SequenceBatch, scale: Scalar) -> Double
    /// Adds the part's ∂L/∂θ into the worker's gradients, from ∂L/∂logits.
    func backward(_ w: Workspace<Scalar>, _ part: SequenceBatch, parameters p: UnsafeMutablePointer<Scalar>, carry: [Scalar])
}

extension WorkerPasses {
    /// Runs `body` on every worker's part of `batch` in parallel (``Workers/run(_:threads:parameters:version:_:)``).
    /// `backward`: whether `body` runs backward passes (their weight copies are then made current).
    func run(
        _ batch: SequenceBatch, backward: Bool = false,
        _ body: (Int, Workspace<Scalar>, SequenceBatch, Range<Int>, UnsafeMutablePointer<Scalar>) -> Void
    ) {
        core.workers.run(batch, threads: core.threads, parameters: core.parameters, version: core.parametersVersion, backward: backward, body)
    }

    /// Every worker's logits gathered into one (R·B, O) matrix, time-major: `rowsPerSequence`
    /// = R rows of logits per sequence (T for the many-to-many network, T−1 for the decoder,
    /// 1 for the classifier).
    func gatheredLogits(_ batch: SequenceBatch, rowsPerSequence R: Int) -> Matrix<Scalar> {
        let O = architecture.outputSize
        var result = Matrix<Scalar>(rows: R * batch.size, columns: O)
        result.values.withUnsafeMutableBufferPointer { out in
            run(batch) { _, worker, part, range, p in
                forward(worker, part, parameters: p)
                Workers.scatter(worker.logits.base, steps: R, width: O, range: range, batchSize: batch.size, into: out.baseAddress!)
            }
        }
        return result
    }

    /// The loss summed over every counted target of `batch`, gradients untouched.
    func summedLoss(_ batch: SequenceBatch) -> Double {
        core.workers.sum(batch, threads: core.threads, parameters: core.parameters, version: core.parametersVersion) { worker, part, _, p in
            forward(worker, part, parameters: p)
            return softmaxCrossEntropy(worker, part, scale: 0)
        }
    }

    /// The most probable class of each logits row, (R·B) time-major with R = `rowsPerSequence`.
    /// Each worker takes the argmax of its own logits, so the (R·B, O) logits of the whole batch
    /// are never gathered into one matrix.
    func predictedClasses(_ batch: SequenceBatch, rowsPerSequence R: Int) -> [Int32] {
        var predictions = [Int32](repeating: 0, count: R * batch.size)
        predictions.withUnsafeMutableBufferPointer { out in
            run(batch) { _, worker, part, range, p in
                forward(worker, part, parameters: p)
                writeArgmax(of: worker, rowsPerSequence: R, sequences: range, batchSize: batch.size, into: out)
            }
        }
        return predictions
    }

    /// From one forward pass: the loss summed over every counted target (as ``summedLoss(_:)``,
    /// the same bits) and ``predictedClasses(_:rowsPerSequence:)``. What validation needs,
    /// without a second pass.
    func summedLossAndPredictions(_ batch: SequenceBatch, rowsPerSequence R: Int) -> (loss: Double, predictions: [Int32]) {
        var predictions = [Int32](repeating: 0, count: R * batch.size)
        let loss = predictions.withUnsafeMutableBufferPointer { out in
            core.workers.sum(batch, threads: core.threads, parameters: core.parameters, version: core.parametersVersion) { worker, part, range, p in
                forward(worker, part, parameters: p)
                // The argmax first: the loss turns the logits into their gradient in place.
                writeArgmax(of: worker, rowsPerSequence: R, sequences: range, batchSize: batch.size, into: out)
                return softmaxCrossEntropy(worker, part, scale: 0)
            }
        }
        return (loss, predictions)
    }

    /// The argmax of each of a worker's logits rows, written at its row of the whole batch.
    private func writeArgmax(
        of worker: Workspace<Scalar>, rowsPerSequence R: Int, sequences: Range<Int>, batchSize: Int, into out: UnsafeMutableBufferPointer<Int32>
    ) {
        let O = architecture.outputSize
        Workers<Scalar>.forEachRow(steps: R, range: sequences, batchSize: batchSize) { partRow, wholeRow in
            out[wholeRow] = SoftmaxCrossEntropy.argmax(worker.logits.base + partRow * O, count: O)
        }
    }

    /// The training pass: on every worker forward, the loss with its gradient scaled by
    /// 1/`count` (so the gradient is that of the mean), and backward; then ∂L/∂θ of all
    /// workers added into ``TrainableModel/gradients``. Returns the summed loss.
    func summedLossAndGradients(_ batch: SequenceBatch, carry: [Double]?, count: Int) -> Double {
        precondition(carry == nil || carry!.count == batch.steps, "one carry factor per step")
        let factors = (carry ?? [Double](repeating: 1, count: batch.steps)).map { Scalar($0) }
        let scale = 1 / Scalar(count)
        let sum = core.workers.sum(
            batch, threads: core.threads, parameters: core.parameters, version: core.parametersVersion, backward: true
        ) { worker, part, _, p in
            worker.gradients.zero()
            forward(worker, part, parameters: p)
            let loss = softmaxCrossEntropy(worker, part, scale: scale)
            backward(worker, part, parameters: p, carry: factors)
            return loss
        }
        core.workers.addGradients(of: batch, threads: core.threads, into: &core.gradients)
        return sum
    }
}
