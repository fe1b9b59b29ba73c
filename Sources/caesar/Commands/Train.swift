import ArgumentParser
import CaesarIO
import CaesarNeural
import CaesarText
import CaesarTraining
import Foundation

/// `caesar train`: teaches a recurrent network to decrypt, on your own text.
struct Train: ParsableCommand, MatrixHeavyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a neural decrypter on text files or folders.",
        discussion: """
            The text goes through the pipeline (lowercase, accents folded, punctuation but '.' \
            dropped); the last --val-split of it validates. Each step trains on --batch random \
            windows of --seq-len − 2 characters, encrypted with --key (a fixed key, or 'any': a \
            random key per window that the network must work out).

            --setup chooses what the network learns to output: many-to-many, the plaintext \
            character at every position (validated by characters right); many-to-one, the key, \
            from the states after the last character (validated by keys right); encoder-decoder, \
            the whole plaintext written after reading all of the ciphertext (validated by the \
            characters of its greedy output). All three decrypt with 'caesar decrypt --model' and \
            'caesar eval'.

            Writes, beside --output: the best model (by validation accuracy; the newer on a tie), \
            OUT.checkpoint.safetensors (resume with --resume), and the learning curves as OUT.csv \
            and OUT.svg. Only one run at a time writes these files (a second is refused). Ctrl-C saves \
            a checkpoint and stops (exit status 130); a diverging run (NaN, infinite or runaway \
            weights) stops with the last good checkpoint kept, and names the command to go on with \
            a lower --lr.

            Examples:
              caesar train Corpora/ --key 3 --hidden 32 --steps 300 -o key3.safetensors
              caesar train Corpora/ --key any --hidden 64 --steps 1500 -o any.safetensors
              caesar train Corpora/ -o any.safetensors --resume --steps 3000     # go on
              caesar train Corpora/ --setup many-to-one --arch rnn -o classifier.safetensors
              caesar train books/ --setup language-model --language en --hidden 256 -o lm.safetensors
              caesar train books/ --bptt truncated:16 --optimizer sgd --lr 0.1 --quiet
            """)

    @Argument(help: ArgumentHelp("Text files, or folders (every .txt file inside, recursively).", valueName: "corpus"))
    var corpus: [String] = []

    @Option(help: ArgumentHelp("The training key: a number (0–25, any integer works mod 26) or 'any' (default \(TrainingOptions.defaults.key)).", valueName: "key"))
    var key: String?

    @OptionGroup var shape: ArchitectureOptions<TrainDefaultArchitecture>

    @Option(help: ArgumentHelp("For --setup language-model: the language of the text, recorded in the model (en, fr, de, …).", valueName: "code"))
    var language: String?

    @Option(help: "Steps per training sequence, [start] and [end] included (default \(TrainingOptions.defaults.sequenceLength)).")
    var seqLen: Int?

    @Option(help: "Draw each batch's sequence length from this to --seq-len, to learn short messages too.")
    var minSeqLen: Int?

    @Option(help: "Sequences per step (default \(TrainingOptions.defaults.batchSize)).")
    var batch: Int?

    @Option(help: "The optimizer: adam or sgd (default adam).")
    var optimizer: OptimizerChoice?

    @Option(help: "Learning rate (default 0.003 for adam, 0.1 for sgd).")
    var lr: Double?

    @Option(help: "Momentum for sgd (default 0.9).")
    var momentum: Double?

    @Option(help: "Largest global gradient norm; 0 turns clipping off (default \(TrainingOptions.defaults.clip ?? 0)).")
    var clip: Double?

    @Option(help: ArgumentHelp("Backpropagation through time: full, truncated:K or random:K (default full).", valueName: "mode"))
    var bptt: String?

    @Option(help: "Training steps (default \(TrainingOptions.defaults.steps)).")
    var steps: Int?

    @Option(help: "Training length in passes over the training text, instead of --steps.")
    var epochs: Double?

    @Option(help: "Seed of every random choice (weights, windows, keys) (default \(TrainingOptions.defaults.seed)).")
    var seed: UInt64?

    @Option(help: "Share of the text held out to validate (default \(TrainingOptions.defaults.validationFraction)).")
    var valSplit: Double?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Validate on these files instead of the corpus's tail.", valueName: "file"))
    var validation: [String] = []

    @Option(help: "Validate every this many steps (default \(TrainingOptions.defaults.validationInterval)).")
    var valEvery: Int?

    @Option(help: ArgumentHelp("Stop once validation accuracy reaches this (0–1), or 'none' (the default): train all the steps.", valueName: "accuracy"))
    var stopAt: String?

    @Option(help: "Worker threads (default \(TrainingOptions.defaults.threads)).")
    var threads: Int?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The model file to write (default model.safetensors).", valueName: "path"))
    var outputPath: String?

    /// `--out`, this option's older name: accepted, not shown in help.
    @Option(name: .customLong("out"), help: .hidden)
    var outAlias: String?

    /// The file to write.
    var out: String { outputPath ?? outAlias ?? "model.safetensors" }

    @Flag(help: "Continue the run checkpointed beside --output, with the same corpus.")
    var resume = false

    @Flag(help: "Replace invalid UTF-8 in the corpus with U+FFFD instead of stopping.")
    var lossy = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(name: [.customShort("q"), .long], help: "Show no progress on standard error (the summary is still printed).")
    var quiet = false

    func validate() throws {
        guard !corpus.isEmpty else {
            throw ValidationError("give text files or folders to train on (e.g. caesar train Corpora/)")
        }
        if let key, KeySchedule(parsing: key) == nil { throw ValidationError("--key takes a number or 'any', not '\(key)'") }
        if let bptt, Truncation(parsing: bptt) == nil {
            throw ValidationError("--bptt takes full, truncated:K or random:K with K ≥ 1, not '\(bptt)'")
        }
        if let stopAt, stopAt != "none", Double(stopAt) == nil {
            throw ValidationError("--stop-at takes an accuracy above 0 and at most 1, or 'none', not '\(stopAt)'")
        }
        if let problem = options.problems.first { throw ValidationError(problem) }
        if outputPath != nil, outAlias != nil { throw ValidationError("give --output once (--out is its older name)") }
        if out.isEmpty { throw ValidationError("--output needs a file path") }
        if !validation.isEmpty, valSplit != nil { throw ValidationError("give --validation files or --val-split, not both") }
        if language != nil, shape.setup != .languageModel { throw ValidationError("--language belongs to --setup language-model") }
    }

    /// The settings given, for the library; what is not given stays nil (the default, or the
    /// checkpoint's on --resume).
    var options: TrainingOptions {
        var o = TrainingOptions()
        o.setup = shape.chosenSetup
        o.cell = shape.arch
        o.hiddenSize = shape.hidden
        o.layers = shape.layers
        o.bidirectional = shape.bidirectional
        o.key = key.flatMap(KeySchedule.init(parsing:))
        o.sequenceLength = seqLen
        o.minimumSequenceLength = minSeqLen
        o.batchSize = batch
        o.optimizer = optimizer
        o.learningRate = lr
        o.momentum = momentum
        o.clip = clip
        o.truncation = bptt.flatMap(Truncation.init(parsing:))
        o.steps = steps
        o.epochs = epochs
        o.seed = seed
        o.validationFraction = valSplit
        o.validationInterval = valEvery
        o.targetAccuracy = stopAt.map { $0 == "none" ? nil : Double($0) }
        o.threads = threads
        return o
    }

    func run() throws {
        let run = try TrainingRun(
            corpus: corpus, validation: validation, options: options, out: out, resume: resume, lossy: lossy,
            arguments: Array(CommandLine.arguments.dropFirst()), language: language)
        if let kernels = run.trainer.resumedOnOtherKernels {
            StandardError.print("note: the run started with \(kernels.before) matrix kernels and goes on with \(kernels.now) ones (another CPU): from here it rounds differently from an uninterrupted run")
        }
        InterruptFlag.install()
        let progress = TrainingProgress(totalSteps: run.trainer.configuration.steps, best: run.trainer.state.bestAccuracy, quiet: quiet)
        let outcome = try {
            defer { progress.finish() }  // the progress line is cleared, whatever stops the run
            return try run.run(shouldStop: { InterruptFlag.isRaised }, report: progress.handle)
        }()
        let summary = TrainingSummary(run: run, outcome: outcome)
        let output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(summary) + "\n" : summary.text)
        try output.finish()
        if case .interrupted = outcome { throw ExitCode(130) }
    }
}

/// What `caesar train` builds unless told otherwise: an LSTM of 128 units.
enum TrainDefaultArchitecture: ArchitectureDefaults {
    static let cell = TrainingOptions.defaults.architecture.cell
    static let hidden = TrainingOptions.defaults.architecture.hiddenSize
    static let bidirectional = "on for --key any, off for a fixed key"
}

extension OptimizerChoice: ExpressibleByArgument {}
