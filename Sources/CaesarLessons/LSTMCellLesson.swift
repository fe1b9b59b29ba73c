import CaesarRandom

/// The four gates of an LSTM cell, in PyTorch's order (the order of the rows of
/// `weight_ih_l0`): input i, forget f, candidate g, output o.
public enum LSTMGate: String, CaseIterable, Sendable, Codable {
    case i, f, g, o

    /// σ for the three gates that scale, tanh for the candidate that proposes values.
    public var activation: Activation { self == .g ? .tanh : .sigmoid }

    public var role: String {
        switch self {
        case .i: return "input gate"
        case .f: return "forget gate"
        case .g: return "candidate"
        case .o: return "output gate"
        }
    }
}

/// One value per gate: pre-activations, gate values, or their gradients.
public struct LSTMGateValues<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var i: Value
    public var f: Value
    public var g: Value
    public var o: Value

    public init(i: Value, f: Value, g: Value, o: Value) {
        self.i = i
        self.f = f
        self.g = g
        self.o = o
    }

    /// Builds each gate's value from the gate.
    public init(_ make: (LSTMGate) -> Value) {
        self.init(i: make(.i), f: make(.f), g: make(.g), o: make(.o))
    }

    public subscript(gate: LSTMGate) -> Value {
        get {
            switch gate {
            case .i: return i
            case .f: return f
            case .g: return g
            case .o: return o
            }
        }
        set {
            switch gate {
            case .i: i = newValue
            case .f: f = newValue
            case .g: g = newValue
            case .o: o = newValue
            }
        }
    }
}

/// One gate's weights: W (H×D) on the input x_t, U (H×H) on the previous output h_{t−1},
/// and a bias b (H). PyTorch keeps two biases, `bias_ih` and `bias_hh`; only their sum
/// matters, and b is that sum.
public struct LSTMGateWeights: Equatable, Sendable, Codable {
    public var w: [[Double]]
    public var u: [[Double]]
    public var b: [Double]

    public init(w: [[Double]], u: [[Double]], b: [Double]) {
        self.w = w
        self.u = u
        self.b = b
    }
}

/// All weights of one LSTM cell, gate by gate.
public typealias LSTMCellParameters = LSTMGateValues<LSTMGateWeights>

extension LSTMGateValues where Value == LSTMGateWeights {
    public var hiddenSize: Int { i.b.count }
    public var inputSize: Int { i.w.first?.count ?? 0 }

    /// The scalar cell (D = H = 1) the lesson starts from: distinct weights per gate so that
    /// every gate has its own value, and a forget bias of 1 so the cell starts by keeping.
    public static let lessonDefaults = LSTMCellParameters(
        i: LSTMGateWeights(w: [[0.5]], u: [[0.1]], b: [0]),
        f: LSTMGateWeights(w: [[0.6]], u: [[0.2]], b: [1]),
        g: LSTMGateWeights(w: [[0.7]], u: [[0.3]], b: [0]),
        o: LSTMGateWeights(w: [[0.8]], u: [[0.4]], b: [0]))

    /// Weights drawn as PyTorch initializes them, uniform in (−1/√H, 1/√H): for each gate
    /// in order i, f, g, o, W row by row, then U, then b.
    public static func random(inputSize: Int, hiddenSize: Int, seed: UInt64) -> LSTMCellParameters {
        precondition(inputSize > 0 && hiddenSize > 0, "an LSTM cell needs positive sizes, got D = \(inputSize), H = \(hiddenSize)")
        var rng = SeededGenerator(seed: seed)
        let bound = 1 / Double(hiddenSize).squareRoot()
        func draw(_ rows: Int, _ columns: Int) -> [[Double]] {
            (0..<rows).map { _ in (0..<columns).map { _ in (2 * rng.uniformDouble() - 1) * bound } }
        }
        return LSTMCellParameters { _ in
            LSTMGateWeights(w: draw(hiddenSize, inputSize), u: draw(hiddenSize, hiddenSize), b: draw(1, hiddenSize)[0])
        }
    }

    /// Every number, gate by gate (W row by row, U, b): the order of ``replacing(with:)``.
    var flattened: [Double] {
        LSTMGate.allCases.flatMap { gate in Array(self[gate].w.joined()) + Array(self[gate].u.joined()) + self[gate].b }
    }

    /// The same shapes filled from `values` in the order of ``flattened``.
    func replacing(with values: [Double]) -> LSTMCellParameters {
        var next = values.makeIterator()
        let fill = { (m: [[Double]]) in m.map { $0.map { _ in next.next()! } } }
        return LSTMCellParameters { gate in
            let weights = self[gate]
            return LSTMGateWeights(w: fill(weights.w), u: fill(weights.u), b: fill([weights.b])[0])
        }
    }

    /// The name of every number of ``flattened``: `W_f[0,1]`, `b_o[1]`.
    var flattenedNames: [String] {
        LSTMGate.allCases.flatMap { gate -> [String] in
            let weights = self[gate]
            let matrix = { (m: [[Double]], letter: String) in
                m.indices.flatMap { r in m[r].indices.map { c in "\(letter)_\(gate.rawValue)[\(r),\(c)]" } }
            }
            return matrix(weights.w, "W") + matrix(weights.u, "U") + weights.b.indices.map { "b_\(gate.rawValue)[\($0)]" }
        }
    }
}

/// One LSTM cell over a few steps, every gate shown, and the backward pass through the cell
/// state c_t step by step. Equations as in PyTorch's `nn.LSTM` (⊙ is element by element):
///
///     i_t = σ(W_i·x_t + U_i·h_{t−1} + b_i)      f_t = σ(W_f·x_t + U_f·h_{t−1} + b_f)
///     g_t = tanh(W_g·x_t + U_g·h_{t−1} + b_g)   o_t = σ(W_o·x_t + U_o·h_{t−1} + b_o)
///     c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t           h_t = o_t ⊙ tanh(c_t)
///
/// with a squared loss on the outputs, L = Σ_t k·‖h_t − y_t‖². Backward, from the last step:
///
///     ∂L/∂h_t = ∂L_t/∂h_t + Σ_gates U_gᵀ·∂L/∂z_{g,t+1}
///     ∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²c_t) + f_{t+1} ⊙ ∂L/∂c_{t+1}   ← the forget-gate path
///     ∂L/∂i_t = ∂L/∂c_t ⊙ g_t    ∂L/∂f_t = ∂L/∂c_t ⊙ c_{t−1}    ∂L/∂g_t = ∂L/∂c_t ⊙ i_t
///     ∂L/∂o_t = ∂L/∂h_t ⊙ tanh(c_t)
///
/// and each gate's pre-activation gradient is its gate gradient times σ′ or tanh′.
/// Letters: T steps, D input size, H hidden size.
public struct LSTMCellLesson: Sendable, Encodable {
    public struct Configuration: Equatable, Sendable, Codable {
        /// Inputs, (T, D).
        public var x: [[Double]]
        /// Targets for h_t, (T, H).
        public var y: [[Double]]
        public var parameters: LSTMCellParameters
        /// (H) each.
        public var h0: [Double]
        public var c0: [Double]
        public var loss: SquaredLoss

        public init(x: [[Double]], y: [[Double]], parameters: LSTMCellParameters, h0: [Double], c0: [Double], loss: SquaredLoss) {
            self.x = x
            self.y = y
            self.parameters = parameters
            self.h0 = h0
            self.c0 = c0
            self.loss = loss
        }

        /// The scalar exercise: x = (1.0, 0.8, 0.6), y = (0.5, 0.6, 0.7), h_0 = c_0 = 0.
        public static let lessonDefaults = Configuration(
            x: [[1.0], [0.8], [0.6]], y: [[0.5], [0.6], [0.7]], parameters: .lessonDefaults, h0: [0], c0: [0], loss: .halfSum)
    }

    /// One step forward; every vector is (H) but x (D).
    public struct ForwardStep: Equatable, Sendable, Codable {
        public let t: Int
        public let x: [Double]
        public let hPrevious: [Double]
        public let cPrevious: [Double]
        /// z = W·x_t + U·h_{t−1} + b for each gate.
        public let preactivations: LSTMGateValues<[Double]>
        public let gates: LSTMGateValues<[Double]>
        public let c: [Double]
        public let tanhC: [Double]
        public let h: [Double]
        public let y: [Double]
        public let loss: Double
    }

    /// One step backward. ∂L/∂h_t and ∂L/∂c_t are split into this step's part and the part
    /// carried back from step t+1.
    public struct BackwardStep: Equatable, Sendable, Codable {
        public let t: Int
        /// ∂L_t/∂h_t, from this step's loss.
        public let dHFromLoss: [Double]
        /// Σ_gates U_gᵀ·∂L/∂z_{g,t+1}, carried back through the gates of step t+1.
        public let dHFromNext: [Double]
        public let dH: [Double]
        /// ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²c_t), through this step's output.
        public let dCFromH: [Double]
        /// f_{t+1} ⊙ ∂L/∂c_{t+1}, the forget-gate path from step t+1.
        public let dCFromNext: [Double]
        public let dC: [Double]
        /// ∂L/∂i_t, ∂L/∂f_t, ∂L/∂g_t, ∂L/∂o_t.
        public let dGates: LSTMGateValues<[Double]>
        /// ∂L/∂z for each gate.
        public let dPreactivations: LSTMGateValues<[Double]>
    }

    public let configuration: Configuration
    public let forward: [ForwardStep]
    public let totalLoss: Double
    /// Steps 1...T in order (computed from T down to 1).
    public let backward: [BackwardStep]
    public let dH0: [Double]
    public let dC0: [Double]
    public let gradient: LSTMCellParameters
    /// ∂c_T/∂c_k along the cell path alone, Π_{j=k+1…T} f_j (element by element), for
    /// k = T−1 down to 0: the first entry is f_T.
    public let cellPath: [[Double]]
    public let finiteDifferenceCheck: FiniteDifferenceCheck

    /// Runs the cell forward and backward. Shapes must agree (x (T, D), y (T, H), weights as
    /// documented); throws when a value overflows.
    public init(_ configuration: Configuration) throws(LessonError) {
        let p = configuration.parameters
        let (T, H, D) = (configuration.x.count, p.hiddenSize, p.inputSize)
        precondition(T > 0 && configuration.y.count == T, "x and y need the same, non-zero number of steps")
        precondition(configuration.x.allSatisfy { $0.count == D } && configuration.y.allSatisfy { $0.count == H }, "x_t needs D = \(D) numbers, y_t H = \(H)")
        precondition(configuration.h0.count == H && configuration.c0.count == H, "h_0 and c_0 need H = \(H) numbers")
        precondition(LSTMGate.allCases.allSatisfy { p[$0].w.count == H && p[$0].u.count == H && p[$0].u.allSatisfy { $0.count == H } && p[$0].w.allSatisfy { $0.count == D } },
                     "every W must be H×D and every U H×H")
        self.configuration = configuration
        forward = LSTMCellLesson.run(configuration, parameters: p)
        totalLoss = forward.reduce(0) { $0 + $1.loss }

        // Backward: the forward loop reversed.
        var backward: [BackwardStep] = []
        var gradient = LSTMCellParameters { _ in LSTMGateWeights(w: VectorMath.zeros(H, D), u: VectorMath.zeros(H, H), b: [Double](repeating: 0, count: H)) }
        var dHNext = [Double](repeating: 0, count: H)   // Σ U_gᵀ·∂L/∂z_{g,t+1}; nothing after the last step
        var dCNext = [Double](repeating: 0, count: H)   // f_{t+1} ⊙ ∂L/∂c_{t+1}
        for step in forward.reversed() {
            let dHFromLoss = step.h.indices.map { configuration.loss.gradient(prediction: step.h[$0], target: step.y[$0], count: T * H) }
            let dH = VectorMath.add(dHFromLoss, dHNext)
            let o = step.gates.o
            // h_t = o_t ⊙ tanh(c_t): through tanh back to c_t, and to the output gate.
            let dCFromH = dH.indices.map { dH[$0] * o[$0] * (1 - step.tanhC[$0] * step.tanhC[$0]) }
            let dC = VectorMath.add(dCFromH, dCNext)
            // c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t.
            let dGates = LSTMGateValues<[Double]>(
                i: VectorMath.multiply(dC, step.gates.g),
                f: VectorMath.multiply(dC, step.cPrevious),
                g: VectorMath.multiply(dC, step.gates.i),
                o: VectorMath.multiply(dH, step.tanhC))
            // Through each gate's nonlinearity: σ′ = s(1 − s), tanh′ = 1 − g².
            let dZ = LSTMGateValues<[Double]> { gate in
                let s = step.gates[gate]
                return s.indices.map { dGates[gate][$0] * (gate == .g ? 1 - s[$0] * s[$0] : s[$0] * (1 - s[$0])) }
            }
            for gate in LSTMGate.allCases {
                gradient[gate].w = VectorMath.add(gradient[gate].w, VectorMath.outer(dZ[gate], step.x))          // (H)·(D)ᵀ → (H×D)
                gradient[gate].u = VectorMath.add(gradient[gate].u, VectorMath.outer(dZ[gate], step.hPrevious))  // (H)·(H)ᵀ → (H×H)
                gradient[gate].b = VectorMath.add(gradient[gate].b, dZ[gate])
            }
            backward.append(BackwardStep(t: step.t, dHFromLoss: dHFromLoss, dHFromNext: dHNext, dH: dH, dCFromH: dCFromH,
                                         dCFromNext: dCNext, dC: dC, dGates: dGates, dPreactivations: dZ))
            dHNext = LSTMGate.allCases.reduce([Double](repeating: 0, count: H)) { VectorMath.add($0, VectorMath.transposedProduct(p[$1].u, dZ[$1])) }
            dCNext = VectorMath.multiply(step.gates.f, dC)
        }
        self.backward = backward.reversed()
        dH0 = dHNext
        dC0 = dCNext
        self.gradient = gradient

        var path: [[Double]] = []
        var product = [Double](repeating: 1, count: H)
        for step in forward.reversed() {
            product = VectorMath.multiply(product, step.gates.f)
            path.append(product)
        }
        cellPath = path

        finiteDifferenceCheck = FiniteDifferenceCheck(names: p.flattenedNames, values: p.flattened, analytic: gradient.flattened) { values in
            LSTMCellLesson.run(configuration, parameters: p.replacing(with: values)).reduce(0) { $0 + $1.loss }
        }
        try LessonError.requireFinite(forward.flatMap { s in s.c.map { ("c_\(s.t)", $0) } + [("L_\(s.t)", s.loss)] })
        try LessonError.requireFinite(gradient.flattenedNames.map { "∂L/∂" + $0 }.enumerated().map { ($1, gradient.flattened[$0]) })
    }

    /// The forward pass alone, for any weights (the finite differences use it).
    static func run(_ configuration: Configuration, parameters p: LSTMCellParameters) -> [ForwardStep] {
        let count = configuration.x.count * p.hiddenSize
        var (h, c) = (configuration.h0, configuration.c0)
        var steps: [ForwardStep] = []
        for (index, (x, y)) in zip(configuration.x, configuration.y).enumerated() {
            // z = W·x_t + U·h_{t−1} + b: (H×D)·(D) + (H×H)·(H) + (H) → (H).
            let z = LSTMGateValues<[Double]> { gate in
                VectorMath.add(VectorMath.add(VectorMath.product(p[gate].w, x), VectorMath.product(p[gate].u, h)), p[gate].b)
            }
            let gates = LSTMGateValues<[Double]> { gate in z[gate].map(gate.activation.callAsFunction) }
            let cNext = VectorMath.add(VectorMath.multiply(gates.f, c), VectorMath.multiply(gates.i, gates.g))
            let tanhC = cNext.map(Activation.tanh.callAsFunction)
            let hNext = VectorMath.multiply(gates.o, tanhC)
            let loss = zip(hNext, y).reduce(0) { $0 + configuration.loss.term(prediction: $1.0, target: $1.1, count: count) }
            steps.append(ForwardStep(t: index + 1, x: x, hPrevious: h, cPrevious: c, preactivations: z, gates: gates,
                                     c: cNext, tanhC: tanhC, h: hNext, y: y, loss: loss))
            (h, c) = (hNext, cNext)
        }
        return steps
    }
}
