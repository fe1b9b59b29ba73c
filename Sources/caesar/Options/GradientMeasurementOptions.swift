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

    /// Loads the model, cuts the text into windows and measures ‖∂L_t/∂h_{t−d}‖ in Double.
    func lesson() throws -> MeasuredGradientFlow {
        guard let model = try file.load(), let path = file.model else { preconditionFailure("a measurement needs --model") }
        let a = model.architecture
        guard a.inputSize == Token.count, a.outputSize == Token.count else {
            throw InspectionError.notADecrypter(path: path, inputs: a.inputSize, outputs: a.outputSize)
        }
        let (tokens, source) = try text.map { (try CorpusEncoder().indices(of: $0), "the --text") } ?? (try corpus.tokens(), corpus.name)
        let length = (seqLen ?? model.provenance?.configuration?.sequenceLength ?? 64) - 2
        guard tokens.count >= length else { throw InspectionError.textTooShort(source: source, characters: tokens.count, needed: length) }
        let set = try ValidationSet(stream: tokens, contentLength: length, count: windows ?? 16, key: model.keyOrAny)
        let windows = "the first \(set.batch.size) window\(set.batch.size == 1 ? "" : "s") of \(length) characters"
        return MeasuredGradientFlow(
            model: "'\(path)', \(a)" + (a.bidirectional ? "; its forward direction is measured" : ""),
            source: "\(source), \(windows), \(model.windowKeys)",
            lossStep: length, normsByDistance: set.gradientNormsByDistance(of: try model.alignedNetwork(Double.self)))
    }
}
