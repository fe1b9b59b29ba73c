import CaesarPlot

/// How a gradient behaves with distance: ∂h_t/∂h_k for an RNN against the cell path
/// ∂c_t/∂c_k of an LSTM, on the same input sequence.
///
/// For the scalar RNN a_t = w·h_{t−1} + x_t + b, h_t = φ(a_t), the chain rule gives one
/// factor per step:
///
///     ∂h_t/∂h_k = Π_{j=k+1…t} w·φ′(a_j)
///
/// With a sigmoid, φ′(a) ≤ φ′(0) = 1/4: for |w| < 4 every factor is below 1 in size and the
/// product vanishes geometrically, whatever the inputs; for |w| > 4 a factor can exceed 1 (it
/// does when a_j stays near 0) and the product can explode. The LSTM's cell path has no weight
/// and no squashing in it, only forget gates:
///
///     ∂c_t/∂c_k = Π_{j=k+1…t} f_j      (the direct path along c; paths through h add to it)
///
/// so a forget gate near 1 carries the gradient across many steps.
///
/// By default the RNN is *centred*: h_0 = φ(0) and b = −w·φ(0), so with zero inputs every
/// a_t is 0 and each factor is exactly w·φ′(0), the best case. Inputs move a_t away from 0.
public struct GradientFlowLesson: Sendable, Encodable {
    public struct Configuration: Equatable, Sendable, Codable {
        public var activation: Activation
        /// The recurrent weights to compare, one RNN each.
        public var weights: [Double]
        /// The inputs x_1…x_T, shared by every RNN and the LSTM.
        public var x: [Double]
        /// The RNN bias; `nil` centres each RNN (b = −w·φ(0)).
        public var bias: Double?
        /// The RNN's h_0; `nil` means φ(0).
        public var h0: Double?
        /// The scalar LSTM cell run on the same inputs, from h_0 = c_0 = 0.
        public var lstm: LSTMCellParameters

        public init(activation: Activation, weights: [Double], x: [Double], bias: Double? = nil, h0: Double? = nil, lstm: LSTMCellParameters = .lessonDefaults) {
            self.activation = activation
            self.weights = weights
            self.x = x
            self.bias = bias
            self.h0 = h0
            self.lstm = lstm
        }

        /// The sigmoid around its threshold |w| = 4, twenty steps of zero input.
        public static let lessonDefaults = Configuration(activation: .sigmoid, weights: [2, 3, 4, 5, 6], x: [Double](repeating: 0, count: 20))
    }

    /// One RNN of the sweep.
    public struct RNNRun: Equatable, Sendable, Codable {
        public let w: Double
        public let b: Double
        public let h0: Double
        /// a_1…a_T.
        public let a: [Double]
        /// w·φ′(a_t) for t = 1…T.
        public let factors: [Double]
        /// ∂h_T/∂h_{T−d} for d = 1…T.
        public let byDistance: [Double]
        /// w·φ′(0), the factor when the pre-activations sit at 0.
        public let factorAtZero: Double
    }

    /// The LSTM on the same inputs.
    public struct LSTMRun: Equatable, Sendable, Codable {
        /// f_1…f_T.
        public let forgetGates: [Double]
        /// ∂c_T/∂c_{T−d} along the cell path, d = 1…T.
        public let byDistance: [Double]
    }

    public let configuration: Configuration
    public let rnn: [RNNRun]
    public let lstm: LSTMRun

    /// Runs every RNN of the sweep and the LSTM. Throws when a product overflows.
    public init(_ configuration: Configuration) throws(LessonError) {
        precondition(!configuration.x.isEmpty && !configuration.weights.isEmpty, "a sweep needs inputs and at least one w")
        precondition(configuration.lstm.inputSize == 1 && configuration.lstm.hiddenSize == 1, "the comparison LSTM is scalar")
        self.configuration = configuration
        let phi = configuration.activation
        let T = configuration.x.count
        rnn = configuration.weights.map { w in
            let h0 = configuration.h0 ?? phi(0)
            let b = configuration.bias ?? -w * phi(0)
            var (h, a) = (h0, [Double]())
            for x in configuration.x {
                a.append(w * h + x + b)
                h = phi(a[a.count - 1])
            }
            let factors = a.map { w * phi.derivative(at: $0) }  // ∂h_t/∂h_{t−1}
            return RNNRun(w: w, b: b, h0: h0, a: a, factors: factors, byDistance: GradientFlowLesson.products(factors), factorAtZero: w * phi.derivative(at: 0))
        }
        let cell = LSTMCellLesson.Configuration(
            x: configuration.x.map { [$0] }, y: [[Double]](repeating: [0], count: T),
            parameters: configuration.lstm, h0: [0], c0: [0], loss: .halfSum)
        let f = LSTMCellLesson.run(cell, parameters: configuration.lstm).map { $0.gates.f[0] }
        lstm = LSTMRun(forgetGates: f, byDistance: GradientFlowLesson.products(f))
        for run in rnn {
            try LessonError.requireFinite(run.byDistance.enumerated().map { ("∂h_\(T)/∂h_\(T - $0 - 1) for w = \(run.w)", $1) })
        }
    }

    /// Π of the last d factors, for d = 1…count: the gradient from the end back d steps.
    static func products(_ factors: [Double]) -> [Double] {
        var product = 1.0
        return factors.reversed().map { factor in
            product *= factor
            return product
        }
    }

    /// |∂h_T/∂h_{T−d}| for each w and ∂c_T/∂c_{T−d} for the LSTM, against d, on a log scale.
    public var plot: Plot {
        let T = configuration.x.count
        let distances = (1...T).map(Double.init)
        return Plot(
            title: "Gradient flow over \(T) steps (\(configuration.activation.rawValue) RNN vs LSTM cell path)",
            xLabel: "distance d = T − k", yLabel: "|∂h_T/∂h_(T−d)|, ∂c_T/∂c_(T−d)", yScale: .log,
            series: rnn.map { PlotSeries(name: "RNN w = \(NumberFormat.significant($0.w, digits: 4))", x: distances, y: $0.byDistance.map(abs)) }
                + [PlotSeries(name: "LSTM Π f", x: distances, y: lstm.byDistance)])
    }
}
