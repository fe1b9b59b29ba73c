import CaesarLessons
import CaesarText
import CaesarTraining

extension MeasuredGradientFlow {
    /// What `caesar lesson gradients --model` shows: a trained decrypter reading `windows`
    /// windows of real text (`tokens`, named `source`), encrypted as it was trained, and
    /// ‖∂L_t/∂h_{t−d}‖ measured in Double for every distance d. `sequenceLength` counts
    /// [start] and [end] (default: the model's training --seq-len, else 64).
    public static func measure(
        _ model: TrainedModel, tokens: [UInt8], source: String, sequenceLength: Int? = nil, windows: Int = 16
    ) throws -> MeasuredGradientFlow {
        let a = model.architecture, path = model.path ?? "the model"
        guard a.inputSize == Token.count, a.outputSize == Token.count else {
            throw InspectionError.notADecrypter(path: path, inputs: a.inputSize, outputs: a.outputSize)
        }
        let length = (sequenceLength ?? model.provenance?.configuration?.sequenceLength ?? 64) - 2
        guard tokens.count >= length else { throw InspectionError.textTooShort(source: source, characters: tokens.count, needed: length) }
        let set = try ValidationSet(stream: tokens, contentLength: length, count: windows, key: model.keyOrAny)
        let described = "the first \(set.batch.size) window\(set.batch.size == 1 ? "" : "s") of \(length) characters"
        return MeasuredGradientFlow(
            model: "'\(path)', \(a)" + (a.bidirectional ? "; its forward direction is measured" : ""),
            source: "\(source), \(described), \(model.windowKeys)",
            lossStep: length, normsByDistance: set.gradientNormsByDistance(of: try model.manyToManyNetwork(Double.self)))
    }
}
