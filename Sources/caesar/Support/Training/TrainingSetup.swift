import ArgumentParser
import CaesarIO
import CaesarNeural
import CaesarText
import CaesarTraining
import Foundation

/// The files of one run, named after --out.
struct TrainingFiles: Codable {
    let model: String
    let checkpoint: String
    let curvesCSV: String
    let curvesSVG: String

    init(out: String) {
        let stem = out.hasSuffix(".safetensors") ? String(out.dropLast(".safetensors".count)) : out
        model = out
        checkpoint = stem + ".checkpoint.safetensors"
        curvesCSV = stem + ".csv"
        curvesSVG = stem + ".svg"
    }
}

/// Checks of `caesar train`'s values that do not need the corpus.
enum TrainOptionsCheck {
    static func validate(_ o: Train) throws {
        if let key = o.key, KeySchedule(parsing: key) == nil {
            throw ValidationError("--key takes a number or 'any', not '\(key)'")
        }
        if let v = o.seqLen, !(3...4096).contains(v) { throw ValidationError("--seq-len must be between 3 and 4096, got \(v)") }
        if let v = o.minSeqLen, !(3...(o.seqLen ?? 64)).contains(v) {
            throw ValidationError("--min-seq-len must be between 3 and --seq-len (\(o.seqLen ?? 64)), got \(v)")
        }
        if let v = o.batch, !(1...65_536).contains(v) { throw ValidationError("--batch must be between 1 and 65536, got \(v)") }
        if let v = o.lr, !(v > 0 && v.isFinite) { throw ValidationError("--lr must be a positive number, got \(v)") }
        if let v = o.momentum, !(0..<1).contains(v) { throw ValidationError("--momentum must be at least 0 and below 1, got \(v)") }
        if let v = o.clip, !(v >= 0 && v.isFinite) { throw ValidationError("--clip must be 0 (off) or positive, got \(v)") }
        if let v = o.bptt, Truncation(parsing: v) == nil {
            throw ValidationError("--bptt takes full, truncated:K or random:K with K ≥ 1, not '\(v)'")
        }
        if o.steps != nil, o.epochs != nil { throw ValidationError("give --steps or --epochs, not both") }
        if let v = o.steps, v < 1 { throw ValidationError("--steps must be at least 1, got \(v)") }
        if let v = o.epochs, !(v > 0 && v.isFinite) { throw ValidationError("--epochs must be positive, got \(v)") }
        if let v = o.valSplit, !(v > 0 && v < 0.5) { throw ValidationError("--val-split must be above 0 and below 0.5, got \(v)") }
        if let v = o.valEvery, v < 1 { throw ValidationError("--val-every must be at least 1, got \(v)") }
        if let v = o.stopAt, v != "none", !(Double(v).map { $0 > 0 && $0 <= 1 } ?? false) {
            throw ValidationError("--stop-at takes an accuracy above 0 and at most 1, or 'none', not '\(v)'")
        }
        if let v = o.threads, !(1...64).contains(v) { throw ValidationError("--threads must be between 1 and 64, got \(v)") }
        if o.out.isEmpty { throw ValidationError("--out needs a file path") }
        if !o.validation.isEmpty, o.valSplit != nil { throw ValidationError("give --validation files or --val-split, not both") }
        if o.shape.setup == .languageModel {
            if o.key != nil { throw ValidationError("a language model learns plaintext: --key belongs to decrypters") }
            if o.minSeqLen != nil { throw ValidationError("--min-seq-len belongs to decrypters; a language model learns from windows of --seq-len") }
        } else if o.language != nil {
            throw ValidationError("--language belongs to --setup language-model")
        }
    }
}

/// A run made ready from the command line: the corpus read, the trainer new or resumed.
struct TrainingSetup {
    let corpus: TrainingCorpus
    let trainer: Trainer
    let files: TrainingFiles

    init(_ o: Train, files: TrainingFiles) throws {
        self.files = files
        let outputs = Trainer.Outputs(model: files.model, checkpoint: files.checkpoint)
        if o.resume {
            let checkpoint = try TrainingCheckpoint.load(from: files.checkpoint)
            var c = checkpoint.state.configuration
            try Self.requireAgreement(o, with: c)
            corpus = try Self.corpus(o, c)
            if let steps = o.steps { c.steps = steps }
            if let stopAt = o.stopAt { c.targetAccuracy = Double(stopAt) }  // when to stop, not what is computed
            if let epochs = o.epochs { c.steps = Self.steps(epochs: epochs, corpus: corpus, c) }
            guard c.steps > checkpoint.state.step else {
                throw TrainingError.checkpointMismatch(
                    reason: "the run is at step \(checkpoint.state.step) of \(c.steps) already; give a larger --steps to go on")
            }
            var state = checkpoint
            state.state.configuration.steps = c.steps
            state.state.configuration.targetAccuracy = c.targetAccuracy
            trainer = try Trainer(resuming: state, training: corpus.training, validation: corpus.validation, outputs: outputs)
            if let kernels = trainer.resumedOnOtherKernels {
                StandardError.print("note: the run started with \(kernels.before) matrix kernels and goes on with \(kernels.now) ones (another CPU): from here it rounds differently from an uninterrupted run")
            }
            // The model's provenance keeps every command of the run, the first and each resumption.
            trainer.metadata["training_command"] = [trainer.metadata["training_command"], Self.commandLine]
                .compactMap { $0 }.joined(separator: " && ")
        } else {
            var c = try Self.configuration(o)
            corpus = try Self.corpus(o, c)
            if let epochs = o.epochs { c.steps = Self.steps(epochs: epochs, corpus: corpus, c) }
            trainer = try Trainer(configuration: c, training: corpus.training, validation: corpus.validation, outputs: outputs)
            trainer.metadata["training_command"] = Self.commandLine
            trainer.metadata["language"] = o.language
        }
        trainer.corpusDescription = corpus.summary + ": " + corpus.files.joined(separator: ", ")
            + (corpus.validationFiles.isEmpty ? "" : "; validated on " + corpus.validationFiles.joined(separator: ", "))
    }

    /// This process's command line, as `caesar …`.
    static var commandLine: String { (["caesar"] + CommandLine.arguments.dropFirst()).joined(separator: " ") }

    /// Trains, showing progress and rewriting the curves after every validation.
    func run(progress: TrainingProgress) throws -> Trainer.Outcome {
        defer { progress.finish() }
        return try trainer.run(shouldStop: { InterruptFlag.isRaised }) { event in
            progress.handle(event)
            if case .validated = event { try writeCurves() }
        }
    }

    private func writeCurves() throws {
        let records = trainer.state.records
        try AtomicFile.write(Array(trainingCurveCSV(records).utf8), to: files.curvesCSV)
        try AtomicFile.write(Array(TrainingCurves.svg(records).utf8), to: files.curvesSVG)
    }

    static func configuration(_ o: Train) throws -> TrainingConfiguration {
        let key = o.key.flatMap(KeySchedule.init(parsing:)) ?? .any
        let bidirectional = key == .any && o.shape.setup != .languageModel
        var c = TrainingConfiguration(architecture: o.shape.architecture(vocabulary: Token.count, keys: 26, bidirectionalByDefault: bidirectional))
        c.key = key
        c.sequenceLength = o.seqLen ?? 64
        c.minimumSequenceLength = o.minSeqLen
        c.batchSize = o.batch ?? 32
        c.optimizer = o.optimizer ?? .adam
        c.learningRate = o.lr ?? (c.optimizer == .adam ? 3e-3 : 0.1)
        c.momentum = o.momentum ?? (c.optimizer == .sgd ? 0.9 : 0)
        c.clip = o.clip == 0 ? nil : (o.clip ?? 5)
        c.truncation = o.bptt.flatMap(Truncation.init(parsing:)) ?? .full
        c.steps = o.steps ?? 2000
        c.seed = o.seed ?? 0
        c.validationFraction = o.valSplit ?? 0.05
        c.validationInterval = o.valEvery ?? 100
        c.targetAccuracy = o.stopAt.flatMap(Double.init)
        c.threads = o.threads ?? 2
        return c
    }

    static func corpus(_ o: Train, _ c: TrainingConfiguration) throws -> TrainingCorpus {
        let sentences = c.architecture.setup == .languageModel
        return o.validation.isEmpty
            ? try TrainingCorpus(paths: o.corpus, validationFraction: c.validationFraction, lossy: o.lossy, sentences: sentences)
            : try TrainingCorpus(paths: o.corpus, validationPaths: o.validation, lossy: o.lossy, sentences: sentences)
    }

    static func steps(epochs: Double, corpus: TrainingCorpus, _ c: TrainingConfiguration) -> Int {
        let perStep = Double(c.batchSize * c.contentLength)
        return max(1, Int((epochs * Double(corpus.training.count) / perStep).rounded(.up)))
    }

    /// With --resume, options that were given must say what the checkpoint says.
    static func requireAgreement(_ o: Train, with c: TrainingConfiguration) throws {
        let fresh = try configuration(o)
        var differences: [String] = []
        if o.shape.isGiven, fresh.architecture != c.architecture { differences.append("the network (\(c.architecture))") }
        if o.key != nil, fresh.key != c.key { differences.append("--key \(c.key)") }
        if o.seqLen != nil, fresh.sequenceLength != c.sequenceLength { differences.append("--seq-len \(c.sequenceLength)") }
        if o.minSeqLen != nil, fresh.minimumSequenceLength != c.minimumSequenceLength {
            differences.append("--min-seq-len \(c.minimumSequenceLength.map(String.init) ?? "unset")")
        }
        if o.batch != nil, fresh.batchSize != c.batchSize { differences.append("--batch \(c.batchSize)") }
        if o.optimizer != nil, fresh.optimizer != c.optimizer { differences.append("--optimizer \(c.optimizer.rawValue)") }
        if o.lr != nil, fresh.learningRate != c.learningRate { differences.append("--lr \(c.learningRate)") }
        if o.momentum != nil, fresh.momentum != c.momentum { differences.append("--momentum \(c.momentum)") }
        if o.clip != nil, fresh.clip != c.clip { differences.append("--clip \(c.clip ?? 0)") }
        if o.bptt != nil, fresh.truncation != c.truncation { differences.append("--bptt \(c.truncation)") }
        if o.seed != nil, fresh.seed != c.seed { differences.append("--seed \(c.seed)") }
        if o.valSplit != nil, fresh.validationFraction != c.validationFraction { differences.append("--val-split \(c.validationFraction)") }
        if o.valEvery != nil, fresh.validationInterval != c.validationInterval { differences.append("--val-every \(c.validationInterval)") }
        if o.threads != nil, fresh.threads != c.threads { differences.append("--threads \(c.threads)") }
        guard differences.isEmpty else {
            throw TrainingError.checkpointMismatch(reason: "the checkpoint was made with " + differences.joined(separator: ", "))
        }
    }
}

extension OptimizerChoice: ExpressibleByArgument {}
