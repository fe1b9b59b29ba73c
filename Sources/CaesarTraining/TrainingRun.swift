import CaesarIO
import CaesarNeural
import CaesarRandom
import CaesarText
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A training run as `caesar train` makes one, for any Swift program: the corpus read, the
/// trainer new or resumed from its checkpoint, the files it writes, and a lock so that no
/// second run writes them at the same time.
///
///     var options = TrainingOptions()
///     options.steps = 300
///     let run = try TrainingRun(corpus: ["Corpora/"], options: options, out: "m.safetensors")
///     let outcome = try run.run()
public final class TrainingRun {
    /// The files of one run, named after the model's path.
    public struct Files: Sendable, Codable, Equatable {
        public let model: String
        public let checkpoint: String
        public let curvesCSV: String
        public let curvesSVG: String
        /// Held (flock) while the run writes: a second run on the same files is refused.
        public let lock: String

        public init(out: String) {
            let stem = out.hasSuffix(".safetensors") ? String(out.dropLast(".safetensors".count)) : out
            model = out
            checkpoint = stem + ".checkpoint.safetensors"
            curvesCSV = stem + ".csv"
            curvesSVG = stem + ".svg"
            let (folder, name) = AtomicFile.split(stem)
            lock = folder + "." + name + ".lock"
        }

        var written: [String] { [model, checkpoint, curvesCSV, curvesSVG] }
    }

    public let files: Files
    public let corpus: TrainingCorpus
    public let trainer: Trainer
    /// The corpus as given, for the commands a message suggests.
    public let corpusPaths: [String]
    private let lockDescriptor: Int32

    /// Reads the corpus and makes a new run, or (`resume`) continues the one checkpointed
    /// beside `out`, with the options that may change on resume applied (``TrainingOptions``).
    /// `arguments` (the command line after `caesar`, such as `["train", "Corpora/", …]`) is
    /// recorded in the model's provenance and rewritten into the retry a divergence suggests;
    /// `language` is recorded for a language model.
    public init(
        corpus paths: [String], validation: [String] = [], options: TrainingOptions, out: String, resume: Bool = false,
        lossy: Bool = false, arguments: [String]? = nil, language: String? = nil
    ) throws {
        let command = arguments.map(ShellWords.caesar)
        files = Files(out: out)
        corpusPaths = paths
        // What can be found wrong without writing anything comes first: no lock file is left
        // behind by a run that could never start.
        if resume, !FileManager.default.fileExists(atPath: files.checkpoint) { _ = try TrainingCheckpoint.load(from: files.checkpoint) }
        _ = try TextFiles.expand(paths + validation)
        let lockExisted = FileManager.default.fileExists(atPath: files.lock)
        lockDescriptor = try Self.lock(files)
        do {
            // What a killed run left: only now, holding the lock, can no other run be writing it.
            files.written.forEach(AtomicFile.removeLeftoverTemporaries(of:))
            let outputs = Trainer.Outputs(model: files.model, checkpoint: files.checkpoint)
            if resume {
                let checkpoint = try TrainingCheckpoint.load(from: files.checkpoint)
                var c = checkpoint.state.configuration
                let differences = options.differences(from: c)
                guard differences.isEmpty else {
                    throw TrainingError.checkpointMismatch(reason: "the checkpoint was made with " + differences.joined(separator: ", "))
                }
                try Self.requireSameRun(checkpoint, modelAt: files.model)
                corpus = try Self.corpus(paths, validation, c, lossy: lossy)
                options.apply(to: &c)
                if let epochs = options.epochs { c.steps = Self.steps(epochs: epochs, corpus: corpus, c) }
                guard c.steps > checkpoint.state.step else {
                    throw TrainingError.checkpointMismatch(
                        reason: "the run is at step \(checkpoint.state.step) of \(c.steps) already; give a larger --steps to go on")
                }
                var resumed = checkpoint
                resumed.state.configuration = c
                trainer = try Trainer(resuming: resumed, training: corpus.training, validation: corpus.validation, outputs: outputs)
                // The provenance keeps every command of the run, the first and each resumption.
                trainer.metadata["training_command"] = [trainer.metadata["training_command"], command].compactMap { $0 }.joined(separator: " && ")
            } else {
                var c = options.configuration()
                corpus = try Self.corpus(paths, validation, c, lossy: lossy)
                if let epochs = options.epochs { c.steps = Self.steps(epochs: epochs, corpus: corpus, c) }
                trainer = try Trainer(configuration: c, training: corpus.training, validation: corpus.validation, outputs: outputs)
                trainer.metadata["training_command"] = command
                trainer.metadata["language"] = language
            }
        } catch {
            // A run that never started leaves no lock file behind (we hold the lock: no other
            // run is using it).
            if !lockExisted { unlink(files.lock) }
            close(lockDescriptor)
            throw error
        }
        trainer.corpusDescription = corpus.summary + ": " + corpus.files.joined(separator: ", ")
            + (corpus.validationFiles.isEmpty ? "" : "; validated on " + corpus.validationFiles.joined(separator: ", "))
        let given = arguments ?? ["train"] + paths + ["--output", files.model]
        trainer.retryCommand = { savedStep, lr in Self.retry(given, resuming: savedStep != nil, learningRate: lr / 10) }
    }

    /// The command to run after a divergence: the same one with a lower learning rate, and
    /// with `--resume` when a checkpoint was saved (a resumed run may change `--lr`).
    static func retry(_ arguments: [String], resuming: Bool, learningRate: Double) -> String {
        var words: [String] = []
        var skipValue = false
        for word in arguments {
            if skipValue { skipValue = false; continue }
            if word == "--lr" { skipValue = true; continue }
            if word.hasPrefix("--lr=") || (!resuming && word == "--resume") { continue }
            words.append(word)
        }
        if resuming, !words.contains("--resume") { words.append("--resume") }
        words += ["--lr", String(format: "%g", learningRate)]
        return ShellWords.caesar(words)
    }

    deinit { close(lockDescriptor) }

    /// Trains, rewriting the learning curves after every validation. `shouldStop` is asked
    /// between steps (Ctrl-C); `report` hears every step and validation.
    public func run(shouldStop: () -> Bool = { false }, report: (Trainer.Event) throws -> Void = { _ in }) throws -> Trainer.Outcome {
        try trainer.run(shouldStop: shouldStop) { event in
            try report(event)
            if case .validated = event { try writeCurves() }
        }
    }

    private func writeCurves() throws {
        let records = trainer.state.records
        try AtomicFile.write(Array(trainingCurveCSV(records).utf8), to: files.curvesCSV)
        try AtomicFile.write(Array(TrainingCurves.svg(records, metric: ValidationSet.metric(of: trainer.configuration.architecture.setup)).utf8), to: files.curvesSVG)
    }

    // MARK: - Files

    /// Takes the run's lock, or says which run holds it.
    static func lock(_ files: Files) throws -> Int32 {
        let fd = open(files.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError.cannotWrite(destination: "'\(files.model)'", reason: IOError.reason()) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw TrainingError.runInProgress(model: files.model)
        }
        return fd
    }

    /// The model beside a checkpoint must come from the same run (both carry its `training_run`).
    static func requireSameRun(_ checkpoint: TrainingCheckpoint, modelAt path: String) throws {
        guard let run = checkpoint.state.runID, FileManager.default.fileExists(atPath: path),
              let model = try? ModelFile.load(from: path), let other = model.metadata[Trainer.runKey], other != run
        else { return }
        throw TrainingError.checkpointMismatch(reason: "'\(path)' was written by another run than its checkpoint (run \(other), not \(run))")
    }

    static func corpus(_ paths: [String], _ validation: [String], _ c: TrainingConfiguration, lossy: Bool) throws -> TrainingCorpus {
        let sentences = c.architecture.setup == .languageModel
        return validation.isEmpty
            ? try TrainingCorpus(paths: paths, validationFraction: c.validationFraction, lossy: lossy, sentences: sentences)
            : try TrainingCorpus(paths: paths, validationPaths: validation, lossy: lossy, sentences: sentences)
    }

    static func steps(epochs: Double, corpus: TrainingCorpus, _ c: TrainingConfiguration) -> Int {
        let perStep = Double(c.batchSize * c.contentLength)
        return max(1, Int((epochs * Double(corpus.training.count) / perStep).rounded(.up)))
    }
}
