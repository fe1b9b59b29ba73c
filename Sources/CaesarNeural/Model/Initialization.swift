import CaesarRandom

/// Initial weights.
public enum Initialization {
    /// PyTorch's defaults: every RNN/LSTM weight and bias ~ U(−1/√H, 1/√H), H being its own
    /// stack's hidden size (D for a decoder); the linear head's weight and bias
    /// ~ U(−1/√D, 1/√D) (its Kaiming-uniform with a = √5 reduces to that).
    /// The forget-gate bias is not special-cased. Values are drawn tensor by tensor in layout
    /// order from `random`, so a seed fixes them exactly.
    public static func pytorchDefault<S: NeuralScalar>(
        _ architecture: Architecture, random: inout SeededGenerator, as _: S.Type = S.self
    ) -> ParameterSet<S> {
        let layout = ParameterLayout(architecture)
        var parameters = ParameterSet<S>(layout: layout)
        let stacks = architecture.stacks
        for entry in layout.entries {
            let stack = stacks.first { entry.name.hasPrefix($0.name + ".") }
            let fanIn = stack?.hiddenSize ?? architecture.layerOutputSize  // `out.`: the head reads D
            let bound = 1 / Float(fanIn).squareRoot()
            for k in entry.range {
                parameters.values[k] = S(random.uniformFloat(in: -bound, bound))
            }
        }
        return parameters
    }
}
