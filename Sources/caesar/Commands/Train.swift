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

            Writes, beside --out: the best model (by validation accuracy; the newer on a tie), \
            OUT.checkpoint.safetensors (resume with --resume), and the learning curves as OUT.csv \
            and OUT.svg. Ctrl-C saves a checkpoint and stops (exit status 130); a NaN or infinite \
            loss stops with the last good checkpoint kept.
            """)

    @Argument(help: ArgumentHelp("Text files, or folders (every .txt file inside, recursively).", valueName: "corpus"))
    var corpus: [String] = []

    @Option(help: ArgumentHelp("The training key: a number (0–25, any integer works mod 26) or 'any'.", valueName: "key"))
    var key: String?

    @OptionGroup var shape: ArchitectureOptions<TrainedArchitecture>

    @Option(help: ArgumentHelp("For --setup language-model: the language of the text, recorded in the model (en, fr, de, …).", valueName: "code"))
    var language: String?

    @Option(help: "Steps per training sequence, [start] and [end] included (default 64).")
    var seqLen: Int?

    @Option(help: "Draw each batch's sequence length from this to --seq-len, to learn short messages too.")
    var minSeqLen: Int?

    @Option(help: "Sequences per step (default 32).")
    var batch: Int?

    @Option(help: "The optimizer: adam or sgd (default adam).")
    var optimizer: OptimizerChoice?

    @Option(help: "Learning rate (default 0.003 for adam, 0.1 for sgd).")
    var lr: Double?

    @Option(help: "Momentum for sgd (default 0.9).")
    var momentum: Double?

    @Option(help: "Largest global gradient norm; 0 turns clipping off (default 5).")
    var clip: Double?

    @Option(help: ArgumentHelp("Backpropagation through time: full, truncated:K or random:K (default full).", valueName: "mode"))
    var bptt: String?

    @Option(help: "Training steps (default 2000).")
    var steps: Int?

    @Option(help: "Training length in passes over the training text, instead of --steps.")
    var epochs: Double?

    @Option(help: "Seed of every random choice (weights, windows, keys).")
    var seed: UInt64?

    @Option(help: "Share of the text held out to validate (default 0.05).")
    var valSplit: Double?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Validate on these files instead of the corpus's tail.", valueName: "file"))
    var validation: [String] = []

    @Option(help: "Validate every this many steps (default 100).")
    var valEvery: Int?

    @Option(help: ArgumentHelp("Stop once validation accuracy reaches this (0–1), or 'none' (the default): train all the steps.", valueName: "accuracy"))
    var stopAt: String?

    @Option(help: "Worker threads (default 2).")
    var threads: Int?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The model file to write.", valueName: "path"))
    var out = "model.safetensors"

    @Flag(help: "Continue the run checkpointed beside --out, with the same corpus.")
    var resume = false

    @Flag(help: "Replace invalid UTF-8 in the corpus with U+FFFD instead of stopping.")
    var lossy = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard !corpus.isEmpty else {
            throw ValidationError("give text files or folders to train on (e.g. caesar train Corpora/)")
        }
        try TrainOptionsCheck.validate(self)
    }

    func run() throws {
        let files = TrainingFiles(out: out)
        let setup = try TrainingSetup(self, files: files)
        InterruptFlag.install()
        let progress = TrainingProgress(totalSteps: setup.trainer.configuration.steps, best: setup.trainer.state.bestAccuracy)
        let outcome = try setup.run(progress: progress)
        let summary = TrainingSummary(trainer: setup.trainer, corpus: setup.corpus, outcome: outcome, files: files)
        let output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(summary) + "\n" : summary.text)
        try output.finish()
        if case .interrupted = outcome { throw ExitCode(130) }
    }
}

/// What `caesar train` builds unless told otherwise: an LSTM of 128 units.
enum TrainedArchitecture: ArchitectureDefaults {
    static let cell = CellKind.lstm
    static let hidden = 128
    static let bidirectional = "on for --key any, off for a fixed key"
}
