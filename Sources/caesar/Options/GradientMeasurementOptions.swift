import CaesarInspection
import ArgumentParser
import CaesarLessons
import CaesarText
import CaesarTraining

/// What `caesar lesson gradients --model` measures: a trained model reading windows of real
/// text (`--text`, or `--corpus`), encrypted as it was trained.
struct GradientMeasurementOptions: ParsableArguments {
    @OptionGroup var file: ModelOptions

    @Option(help: ArgumentHelp("With --model: the text to measure on, instead of --corpus.", valueName: "text"))
    var text: String?

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("With --model: windows of text to average over, 1–256 (default 16).", valueName: "n"),
            transform: { try NumberArguments.integer($0, in: 1...256, name: "--windows") })
    var windows: Int?

    @Option(help: ArgumentHelp("With --model: steps per window, [start] and [end] included, 3–1024 (default: the model's training --seq-len, else 64).", valueName: "n"),
            transform: { try NumberArguments.integer($0, in: 3...1024, name: "--seq-len") })
    var seqLen: Int?

    func validate() throws {
        if file.model == nil, text != nil || corpus.corpus != nil || windows != nil || seqLen != nil {
            throw ValidationError("--text, --corpus, --windows and --seq-len measure a trained model; give --model FILE too")
        }
        if text != nil, corpus.corpus != nil { throw ValidationError("give --text or --corpus, not both") }
        if text == "" { throw ValidationError("--text needs some text") }
    }

    /// Whether a measurement was asked for.
    var isGiven: Bool { file.model != nil }

    /// Loads the model and measures it on the text (``MeasuredGradientFlow/measure(_:tokens:source:sequenceLength:windows:)``).
    func lesson() throws -> MeasuredGradientFlow {
        guard let model = try file.load() else { preconditionFailure("a measurement needs --model") }
        let tokens = try text.map { try CorpusEncoder().indices(of: $0) } ?? corpus.tokens()
        let source = text == nil ? corpus.name : "the --text"
        return try MeasuredGradientFlow.measure(model, tokens: tokens, source: source, sequenceLength: seqLen, windows: windows ?? 16)
    }
}
