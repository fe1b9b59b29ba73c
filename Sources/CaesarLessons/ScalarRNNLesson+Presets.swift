/// The two exercises the lesson starts from; every value can be changed afterwards.
extension ScalarRNNLesson.Configuration {
    /// The textbook exercise: tanh, three steps, L = Σ ½(ŷ_t − y_t)².
    ///
    /// Its answers: h = (0.6044, 0.7174, 0.6956), L = 0.04658, ∂L/∂v = −0.3359,
    /// ∂L/∂c = −0.4913, ∂L/∂w = −0.1261, ∂L/∂u = −0.07697, ∂L/∂b = −0.1621.
    public static let textbook = ScalarRNNLesson.Configuration(
        x: [1.0, 0.8, 0.6], y: [0.5, 0.6, 0.7],
        parameters: ScalarRNNParameters(w: 0.5, u: 0.5, v: 0.5, b: 0.2, c: 0.1),
        h0: 0, learningRate: 0.1, activation: .tanh, loss: .halfSum, notation: .textbook)

    /// The linear exercise: h_t = W_h·h_{t−1} + W_x·x_t, ŷ_t = W_y·h_t, no biases,
    /// L = Σ (ŷ_t − y_t)² without the ½.
    ///
    /// Its answers: ŷ = (4, 6), L = 2, ∂L/∂h_1 = 0 (the step's own error and the carry from
    /// step 2 cancel), ∂L/∂W_h = 8.
    public static let linear = ScalarRNNLesson.Configuration(
        x: [10, 10], y: [5, 5],
        parameters: ScalarRNNParameters(w: 0.1, u: 1, v: 2, b: nil, c: nil),
        h0: 1, learningRate: 0.1, activation: .identity, loss: .sum, notation: .linear)

    /// The presets by the name `--preset` takes.
    public static let presets: [(name: String, configuration: ScalarRNNLesson.Configuration)] = [
        ("textbook", .textbook), ("linear", .linear),
    ]
}
