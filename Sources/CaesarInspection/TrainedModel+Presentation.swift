import CaesarLessons
import CaesarNeural
import CaesarTraining

/// A trained model as the lessons and the report describe it.
extension TrainedModel {
    /// How the windows a model is evaluated on are encrypted, as its training chose keys:
    /// "encrypted with key 3, the key it was trained on", or for `any`, key i mod 26 for
    /// window i, as `caesar train` validates.
    public var windowKeys: String {
        switch key {
        case .fixed(let k)?: return "encrypted with key \(k), the key it was trained on"
        case .any?: return "window i encrypted with key i mod 26 (it was trained on every key)"
        case nil: return "window i encrypted with key i mod 26 (the file records no key)"
        }
    }

    /// The shapes lesson for this model's network, named as its file names the tensors.
    public func shapes(steps: Int?) throws -> NetworkShapes {
        let a = architecture
        guard a.inputSize == a.outputSize else {
            throw InspectionError.notADecrypter(path: path ?? "", inputs: a.inputSize, outputs: a.outputSize)
        }
        let configuration = NetworkConfiguration(
            vocabulary: a.inputSize, hidden: a.hiddenSize, layers: a.layers, bidirectional: a.bidirectional,
            cell: a.cell == .lstm ? .lstm : .rnn, steps: steps ?? provenance?.configuration?.sequenceLength ?? 64)
        return NetworkShapes(configuration).naming(ParameterLayout(a).entries.map { ($0.name, $0.shape) })
    }
}
