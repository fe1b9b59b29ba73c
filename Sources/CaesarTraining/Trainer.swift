import CaesarNeural
import CaesarRandom
import CaesarText
import Foundation

/// Trains a decrypter: random encrypted windows of a corpus in, the plaintext (or, for the
/// key classifier, the key) out, one step at a time, validating at intervals and keeping the
/// best model. Every setup trains the same way (``TrainableModel``); only the validation
/// measure differs (``ValidationSet/accuracy(of:)``).
///
/// A step: sample B windows → forward, cross-entropy, BPTT (with the configured truncation)
/// → clip the global gradient norm → optimizer step. Every `validationInterval` steps: the
/// validation accuracy, a ``TrainingRecord``, the best model saved if it improved, and a
/// checkpoint from which ``init(resuming:training:validation:outputs:)`` continues exactly.
public final class Trainer {
    /// Where a run writes.
    public struct Outputs: Sendable {
        /// The best model so far (by validation accuracy; on a tie, the newer).
        public var model: String
        /// The latest checkpoint, for `--resume`.
        public var checkpoint: String
        /// Called with the learning curve after each validation (to write CSV and plots).
        public init(model: String, checkpoint: String) {
            self.model = model
            self.checkpoint = checkpoint
        }
    }

    public enum Event {
        /// After every step: the loss and the throughput of that step.
        case step(step: Int, loss: Double, charactersPerSecond: Double)
        /// After a validation; `improved` when the best model was replaced.
        case validated(TrainingRecord, improved: Bool)
    }

    public enum Outcome: Equatable, Sendable {
        case finished(steps: Int)
        case reachedTarget(step: Int, accuracy: Double)
        case interrupted(step: Int)
    }

    public let configuration: TrainingConfiguration
    /// The network being trained: a ``ManyToManyModel``, ``KeyClassifier`` or ``EncoderDecoder``.
    public let model: any TrainableModel<Float>
    /// Describes the corpus in the saved model's provenance.
    public var corpusDescription = ""
    /// Extra metadata for the saved model (e.g. the command that trained it).
    public var metadata: [String: String] = [:]
    /// The command that would go on after a divergence at a lower learning rate (given the
    /// step of the last checkpoint, nil when none was saved, and the learning rate), for the
    /// error's hint.
    public var retryCommand: (@Sendable (_ savedStep: Int?, _ learningRate: Double) -> String)?
    /// The metadata key of the run's identity (``TrainingCheckpoint/State/runID``).
    public static let runKey = "training_run"
    public private(set) var state: TrainingCheckpoint.State

    /// Set when a resumed run computes with other BLAS kernels than it started with (another
    /// CPU): it goes on from the same numbers, but its products round differently from here,
    /// so it is no longer the run an uninterrupted one would have been, bit for bit.
    public private(set) var resumedOnOtherKernels: (before: String, now: String)?

    private var optimizer: ChosenOptimizer
    private var sampler: Batches
    /// One set per validated length: the longest windows, and with --min-seq-len shorter ones
    /// too, so the score follows short messages (long windows alone reach 100% early).
    private let validation: Validation
    private let outputs: Outputs

    /// A new run.
    public init(configuration: TrainingConfiguration, training: [UInt8], validation: [UInt8], outputs: Outputs) throws {
        let c = configuration
        guard training.count >= c.contentLength else {
            throw TrainingError.trainingTextTooShort(characters: training.count, needed: c.contentLength)
        }
        self.configuration = c
        self.outputs = outputs
        // One seed, split into independent streams: weights, batches, truncation.
        var seeds = SeededGenerator(seed: c.seed)
        model = makeTrainableModel(architecture: c.architecture, seed: seeds.next(), threads: c.threads)
        let samplerRandom = SeededGenerator(seed: seeds.next())
        sampler = try Batches(training, c, random: samplerRandom)
        self.validation = try Validation(validation, c)
        optimizer = ChosenOptimizer(c, layout: model.parameters.layout)
        state = TrainingCheckpoint.State(
            configuration: c, step: 0, trainingSeconds: 0, characters: 0, samplerRandom: samplerRandom,
            truncationRandom: SeededGenerator(seed: seeds.next()), optimizerSteps: 0, bestAccuracy: nil, bestStep: nil,
            records: [], pendingLoss: 0, pendingSteps: 0, pendingCharacters: 0, pendingSeconds: 0,
            trainingFingerprint: fingerprint(training), validationFingerprint: fingerprint(validation),
            matrixKernels: BLAS.kernels, runID: UUID().uuidString.lowercased())
    }

    /// Continues a checkpointed run on the same corpus; weights come out bit-identical to a
    /// run that was never interrupted, when it resumes with the same thread count on a CPU for
    /// which OpenBLAS chooses the same kernels (see ``resumedOnOtherKernels``).
    public init(resuming checkpoint: TrainingCheckpoint, training: [UInt8], validation: [UInt8], outputs: Outputs) throws {
        let c = checkpoint.state.configuration
        guard fingerprint(training) == checkpoint.state.trainingFingerprint,
              fingerprint(validation) == checkpoint.state.validationFingerprint
        else { throw TrainingError.checkpointMismatch(reason: "the corpus or --val-split differs from the one the run started with") }
        configuration = c
        self.outputs = outputs
        state = checkpoint.state
        if state.matrixKernels != BLAS.kernels {
            resumedOnOtherKernels = (state.matrixKernels ?? "not recorded", BLAS.kernels)
            state.matrixKernels = BLAS.kernels
        }
        model = makeTrainableModel(architecture: c.architecture, parameters: checkpoint.model.parameters, threads: c.threads)
        sampler = try Batches(training, c, random: checkpoint.state.samplerRandom)
        self.validation = try Validation(validation, c)
        optimizer = ChosenOptimizer(c, layout: model.parameters.layout)
        try optimizer.restore(checkpoint.optimizerState, steps: checkpoint.state.optimizerSteps)
        metadata = checkpoint.model.metadata
    }

    /// Trains until the configured steps are done, the target accuracy is reached, or
    /// `shouldStop` answers true (then a checkpoint is saved first). A NaN or infinite loss or
    /// gradient, or a weight beyond ``ModelFile/largestWeight``, stops the run with
    /// ``TrainingError/diverged(step:savedStep:retry:)``: nothing is saved that a model file
    /// may not hold, so the checkpoint on disk stays the last good one and loads again.
    public func run(shouldStop: () -> Bool = { false }, report: (Event) throws -> Void = { _ in }) throws -> Outcome {
        let c = configuration
        let clock = ContinuousClock()
        while state.step < c.steps {
            if shouldStop() {
                try saveCheckpoint()
                return .interrupted(step: state.step)
            }
            let started = clock.now
            let batch = sampler.next(batchSize: c.batchSize)
            let carry = c.truncation == .full ? nil : c.truncation.carryFactors(steps: batch.steps, random: &state.truncationRandom)
            model.gradients.zero()
            let loss = model.lossAndGradients(batch, carry: carry)
            let norm = c.clip.map { GradientClipping.clip(&model.gradients, maxNorm: $0) } ?? model.gradients.norm
            guard loss.isFinite, norm.isFinite else { throw diverged() }
            optimizer.step(&model.parameters, model.gradients)
            // An update can blow up even when the loss was finite. (NaN fails the comparison too.)
            guard model.parameters.values.allSatisfy({ $0.magnitude <= ModelFile.largestWeight }) else { throw diverged() }
            let seconds = (clock.now - started).inSeconds
            state.step += 1
            state.trainingSeconds += seconds
            state.pendingLoss += loss
            state.pendingSteps += 1
            state.pendingCharacters += batch.steps * batch.size
            state.characters += batch.steps * batch.size
            state.pendingSeconds += seconds
            state.samplerRandom = sampler.random
            state.optimizerSteps = optimizer.steps
            try report(.step(step: state.step, loss: loss, charactersPerSecond: Double(batch.steps * batch.size) / seconds))

            if state.step % c.validationInterval == 0 || state.step == c.steps {
                let (record, improved) = try validate()
                try report(.validated(record, improved: improved))
                if let target = c.targetAccuracy, record.validationAccuracy >= target {
                    return .reachedTarget(step: state.step, accuracy: record.validationAccuracy)
                }
            }
        }
        return .finished(steps: state.step)
    }

    /// The error of a step whose loss, gradient or update was not finite.
    private func diverged() -> TrainingError {
        let saved = state.records.last?.step
        return .diverged(step: state.step + 1, savedStep: saved, retry: retryCommand?(saved, configuration.learningRate))
    }

    /// Validation accuracy of the current weights (see ``ValidationSet/accuracy(of:)`` for what
    /// each setup is scored on): the mean over the validated lengths. For a language model, how
    /// often its most probable next token is the one that follows.
    public func validationAccuracy() -> Double { validation.measure(model).accuracy }

    /// The lengths validated: the training length, or with a minimum four lengths spread from
    /// the minimum to the maximum, the windows shared out between them.
    static func validationSets(_ stream: [UInt8], _ c: TrainingConfiguration) throws -> [ValidationSet] {
        let (low, high) = (c.minimumContentLength, c.contentLength)
        let lengths = low == high ? [high] : Array(Set((0...3).map { low + (high - low) * $0 / 3 })).sorted()
        return try lengths.map { length in
            try ValidationSet(stream: stream, contentLength: length, count: max(1, c.validationWindows / lengths.count), key: c.key)
        }
    }

    private func validate() throws -> (TrainingRecord, improved: Bool) {
        let (accuracy, bits, loss) = validation.measure(model)
        var record = TrainingRecord(
            step: state.step, trainingSeconds: state.trainingSeconds,
            trainLoss: state.pendingLoss / Double(max(state.pendingSteps, 1)), validationAccuracy: accuracy,
            charactersPerSecond: Double(state.pendingCharacters) / max(state.pendingSeconds, 1e-9))
        record.validationBitsPerCharacter = bits
        record.validationLoss = loss
        state.records.append(record)
        state.pendingLoss = 0
        state.pendingSteps = 0
        state.pendingCharacters = 0
        state.pendingSeconds = 0
        // A tie keeps the newer weights: a saturated measure (every key of the validation
        // windows right) says nothing against the extra training.
        // A language model is judged by its bits per character (lower is better).
        let improved = bits.map { bits in state.bestBitsPerCharacter.map { bits <= $0 } ?? true }
            ?? state.bestAccuracy.map { accuracy >= $0 } ?? true
        if improved {
            state.bestAccuracy = accuracy
            state.bestBitsPerCharacter = bits
            state.bestStep = state.step
            try modelFile().save(to: outputs.model)
        }
        try saveCheckpoint()
        return (record, improved)
    }

    /// The current weights as a model file with the run's provenance.
    public func modelFile() -> ModelFile {
        var meta = metadata
        if configuration.architecture.setup != .languageModel { meta["cipher_key"] = configuration.key.description }
        meta[Self.runKey] = state.runID
        meta["vocabulary"] = "[" + Token.all.map { "\"\($0.description)\"" }.joined(separator: ",") + "]"
        let provenance: [String: String] = [
            "corpus": corpusDescription,
            "step": String(state.step),
            "training_seconds": String(format: "%.1f", state.trainingSeconds),
            "validation_accuracy": state.records.last.map { String(format: "%.5f", $0.validationAccuracy) } ?? "",
            "validation_bits_per_character": state.records.last?.validationBitsPerCharacter.map { String(format: "%.4f", $0) } ?? "",
            "configuration": String(decoding: (try? JSONEncoder.sorted.encode(configuration)) ?? Data(), as: UTF8.self),
        ]
        meta["training"] = String(decoding: (try? JSONEncoder.sorted.encode(provenance)) ?? Data(), as: UTF8.self)
        return ModelFile(architecture: configuration.architecture, parameters: model.parameters, metadata: meta)
    }

    public func checkpoint() -> TrainingCheckpoint {
        TrainingCheckpoint(model: modelFile(), optimizerState: optimizer.state, state: state)
    }

    private func saveCheckpoint() throws {
        try checkpoint().save(to: outputs.checkpoint)
    }
}

/// Where training batches come from: encrypted windows for a decrypter, plain windows at word
/// starts for a language model.
private enum Batches {
    case decryption(WindowSampler)
    case language(LanguageModelWindows)

    init(_ stream: [UInt8], _ c: TrainingConfiguration, random: SeededGenerator) throws {
        if c.architecture.setup == .languageModel {
            self = .language(try LanguageModelWindows(stream: stream, length: c.sequenceLength, random: random))
        } else {
            self = .decryption(WindowSampler(stream: stream, contentLength: c.contentLength, minimumContentLength: c.minimumContentLength,
                                             key: c.key, random: random))
        }
    }

    mutating func next(batchSize: Int) -> SequenceBatch {
        switch self {
        case .decryption(var sampler):
            defer { self = .decryption(sampler) }
            return sampler.next(batchSize: batchSize)
        case .language(var windows):
            defer { self = .language(windows) }
            return windows.next(batchSize: batchSize)
        }
    }

    var random: SeededGenerator {
        switch self {
        case .decryption(let sampler): return sampler.random
        case .language(let windows): return windows.random
        }
    }
}

/// What a run is validated on: fixed encrypted windows at one or more lengths (decrypters),
/// or fixed windows of plain text (language models).
private enum Validation {
    case decryption([ValidationSet])
    case language(SequenceBatch)

    init(_ stream: [UInt8], _ c: TrainingConfiguration) throws {
        if c.architecture.setup == .languageModel {
            let windows = try LanguageModelWindows(stream: stream, length: c.sequenceLength, random: SeededGenerator(seed: 0))
            self = .language(windows.validationBatch(count: c.validationWindows))
        } else {
            self = .decryption(try Trainer.validationSets(stream, c))
        }
    }

    /// The accuracy, and the mean loss: in bits per predicted token for a language model, in
    /// nats (the training loss's unit) for a decrypter, averaged over the validation lengths.
    func measure(_ model: any TrainableModel<Float>) -> (accuracy: Double, bits: Double?, loss: Double?) {
        switch self {
        case .decryption(let sets):
            let n = Double(sets.count), measured = sets.map { $0.measure(model) }
            return (measured.map(\.accuracy).reduce(0, +) / n, nil, measured.map(\.loss).reduce(0, +) / n)
        case .language(let batch):
            let (loss, predictions) = (model as! ManyToManyModel<Float>).lossAndPredictions(batch)
            var right = 0, counted = 0
            for (p, t) in zip(predictions, batch.targets) where t != batch.ignoredTarget {
                counted += 1
                if p == t { right += 1 }
            }
            return (Double(right) / Double(max(counted, 1)), loss / 0.6931471805599453, nil)
        }
    }
}

/// SGD or Adam, chosen at run time but called through its concrete (specialized) type.
/// A class with optional members, so each step mutates the optimizer's state in place.
private final class ChosenOptimizer {
    private var sgd: SGD<Float>?
    private var adam: Adam<Float>?

    init(_ c: TrainingConfiguration, layout: ParameterLayout) {
        switch c.optimizer {
        case .sgd: sgd = SGD(layout: layout, learningRate: Float(c.learningRate), momentum: Float(c.momentum))
        case .adam: adam = Adam(layout: layout, learningRate: c.learningRate)
        }
    }

    var steps: Int { sgd?.steps ?? adam!.steps }
    var state: [String: ParameterSet<Float>] { sgd?.state ?? adam!.state }

    func restore(_ saved: [String: ParameterSet<Float>], steps: Int) throws {
        guard Set(saved.keys) == Set(state.keys) else {
            throw TrainingError.checkpointMismatch(reason: "the checkpoint's optimizer state does not fit the optimizer")
        }
        sgd?.state = saved
        sgd?.steps = steps
        adam?.state = saved
        adam?.steps = steps
    }

    func step(_ parameters: inout ParameterSet<Float>, _ gradients: ParameterSet<Float>) {
        sgd?.step(&parameters, gradients: gradients)
        adam?.step(&parameters, gradients: gradients)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
