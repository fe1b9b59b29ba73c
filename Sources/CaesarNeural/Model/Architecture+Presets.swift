extension Architecture {
    /// The configurations of the PyTorch reference (as its task definition lists them), V = O = 31.
    public static let presets: [(name: String, architecture: Architecture)] = [
        ("rnn128", Architecture(cell: .rnn, inputSize: 31, hiddenSize: 128, outputSize: 31)),
        ("lstm128", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 128, outputSize: 31)),
        ("lstm256", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, outputSize: 31)),
        ("lstm2x256", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, layers: 2, outputSize: 31)),
        ("bilstm128", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 128, bidirectional: true, outputSize: 31)),
        ("bilstm256", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, bidirectional: true, outputSize: 31)),
        ("bilstm2x256", Architecture(cell: .lstm, inputSize: 31, hiddenSize: 256, layers: 2, bidirectional: true, outputSize: 31)),
    ]

    public static func preset(named name: String) -> Architecture? {
        presets.first { $0.name == name }?.architecture
    }

    /// Matrix-product FLOPs per character (one step of one sequence) of the many-to-many
    /// network, counted as the reference counts them (`common.flops_per_char`): the one-hot
    /// input as a dense product, elementwise work ignored. Training = forward + backward.
    public func flopsPerCharacter(training: Bool) -> Double {
        let g = Double(gateRows), h = Double(hiddenSize), dirs = Double(directions)
        var forward = 0.0, backward = 0.0, input = Double(inputSize)
        for layer in 0..<layers {
            forward += dirs * 2 * g * (input + h)
            backward += dirs * 2 * g * (input + h)  // weight gradients
            backward += dirs * 2 * g * ((layer > 0 ? input : 0) + h)  // input and state gradients
            input = h * dirs
        }
        forward += 2 * input * Double(outputSize)
        backward += 2 * 2 * input * Double(outputSize)
        return training ? forward + backward : forward
    }

    /// Bytes of every recurrent weight matrix W_hh (all layers and directions): what a batch
    /// of one sequence reads at every step, used once per multiply-add.
    public var recurrentWeightBytes: Int {
        layers * directions * gateRows * hiddenSize * MemoryLayout<Float>.stride
    }
}
