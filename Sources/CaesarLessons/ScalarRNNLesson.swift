/// The parameters of the scalar RNN: input weight w, recurrent weight u, output weight v,
/// biases b and c. A `nil` bias is not part of the model (the linear exercise has none).
public struct ScalarRNNParameters: Equatable, Sendable, Codable {
    public var w: Double
    public var u: Double
    public var v: Double
    public var b: Double?
    public var c: Double?

    public init(w: Double, u: Double, v: Double, b: Double?, c: Double?) {
        self.w = w
        self.u = u
        self.v = v
        self.b = b
        self.c = c
    }

    /// The parameters that exist, in the order gradients are listed: v, c, w, u, b (the
    /// output layer first, as backpropagation reaches it first).
    public var named: [(key: String, value: Double)] {
        var list: [(key: String, value: Double)] = [("v", v)]
        if let c { list.append(("c", c)) }
        list += [("w", w), ("u", u)]
        if let b { list.append(("b", b)) }
        return list
    }

    /// The same parameters with the values of ``named`` replaced, in that order.
    func replacing(with values: [Double]) -> ScalarRNNParameters {
        var next = values.makeIterator()
        var copy = self
        copy.v = next.next()!
        if c != nil { copy.c = next.next()! }
        copy.w = next.next()!
        copy.u = next.next()!
        if b != nil { copy.b = next.next()! }
        return copy
    }
}

/// The worked BPTT exercise: a recurrent network with one hidden unit, computed exactly and
/// shown value by value.
///
///     a_t = w·x_t + u·h_{t−1} + b      h_t = φ(a_t)      ŷ_t = v·h_t + c
///     L   = Σ_t k·(ŷ_t − y_t)²         (k from the loss form, ½ in the textbook)
///
/// The backward pass is the forward pass in mirror image, from the last step to the first:
///
///     ∂L/∂ŷ_t = 2k·(ŷ_t − y_t)
///     ∂L/∂h_t = v·∂L/∂ŷ_t + u·∂L/∂a_{t+1}     (the second term is the carry; 0 at t = T)
///     ∂L/∂a_t = ∂L/∂h_t·φ′(a_t)
///
/// and each parameter's gradient is a sum over steps: ∂L/∂v = Σ ∂L/∂ŷ_t·h_t,
/// ∂L/∂c = Σ ∂L/∂ŷ_t, ∂L/∂w = Σ ∂L/∂a_t·x_t, ∂L/∂u = Σ ∂L/∂a_t·h_{t−1}, ∂L/∂b = Σ ∂L/∂a_t.
///
///     let lesson = try ScalarRNNLesson(.textbook)
///     lesson.forward.map(\.h)      // [0.60437, 0.71736, 0.69558]
///     lesson.totalLoss             // 0.046575
///     lesson.gradient.w            // -0.12607
public struct ScalarRNNLesson: Sendable, Encodable {
    /// Everything the exercise sets: data, parameters, activation, loss form, learning rate.
    public struct Configuration: Equatable, Sendable, Codable {
        public var x: [Double]
        public var y: [Double]
        public var parameters: ScalarRNNParameters
        public var h0: Double
        public var learningRate: Double
        public var activation: Activation
        public var loss: SquaredLoss
        /// How w, u, v are written in this exercise.
        public var notation: Notation

        public init(
            x: [Double], y: [Double], parameters: ScalarRNNParameters, h0: Double, learningRate: Double,
            activation: Activation, loss: SquaredLoss, notation: Notation = .textbook
        ) {
            self.x = x
            self.y = y
            self.parameters = parameters
            self.h0 = h0
            self.learningRate = learningRate
            self.activation = activation
            self.loss = loss
            self.notation = notation
        }
    }

    /// The symbols printed for w, u and v (the keys in JSON stay `w`, `u`, `v`).
    public struct Notation: Equatable, Sendable, Codable {
        public var w: String
        public var u: String
        public var v: String

        public static let textbook = Notation(w: "w", u: "u", v: "v")
        /// The linear exercise's h_t = W_h·h_{t−1} + W_x·x_t, ŷ_t = W_y·h_t.
        public static let linear = Notation(w: "W_x", u: "W_h", v: "W_y")

        public init(w: String, u: String, v: String) {
            self.w = w
            self.u = u
            self.v = v
        }

        /// The printed symbol for a parameter key (`w`, `u`, `v`, `b`, `c`).
        public func symbol(_ key: String) -> String {
            switch key {
            case "w": return w
            case "u": return u
            case "v": return v
            default: return key
            }
        }
    }

    /// One step of the forward pass (t counts from 1).
    public struct ForwardStep: Equatable, Sendable, Codable {
        public let t: Int
        public let x: Double
        public let y: Double
        public let hPrevious: Double
        public let a: Double
        public let h: Double
        public let yHat: Double
        public let loss: Double
    }

    /// One step of the backward pass. ∂L/∂h_t is split into what comes from this step's
    /// output and what the next step carries back.
    public struct BackwardStep: Equatable, Sendable, Codable {
        public let t: Int
        /// ∂L/∂ŷ_t.
        public let dYHat: Double
        /// v·∂L/∂ŷ_t, the part of ∂L/∂h_t through this step's output.
        public let dHFromOutput: Double
        /// u·∂L/∂a_{t+1}, the carry from step t+1 (0 at the last step).
        public let dHFromNext: Double
        /// ∂L/∂h_t, the sum of the two.
        public let dH: Double
        /// ∂L/∂a_t = ∂L/∂h_t·φ′(a_t).
        public let dA: Double
    }

    public let configuration: Configuration
    /// Steps 1...T in order.
    public let forward: [ForwardStep]
    public let totalLoss: Double
    /// Steps 1...T in order (computed from T down to 1).
    public let backward: [BackwardStep]
    /// ∂L/∂h_0 = u·∂L/∂a_1: what would flow into an earlier sequence.
    public let dH0: Double
    /// Each step's contribution to each gradient, steps 1...T.
    public let contributions: [ScalarRNNParameters]
    /// ∂L/∂θ for every parameter: the sums of ``contributions``.
    public let gradient: ScalarRNNParameters
    /// The parameters after one step of gradient descent, θ − η·∂L/∂θ.
    public let updated: ScalarRNNParameters
    /// Backpropagation checked against central finite differences.
    public let finiteDifferenceCheck: FiniteDifferenceCheck

    /// Runs the exercise. Throws ``LessonError/notFinite(quantity:value:)`` when numbers
    /// overflow; `x` and `y` must be non-empty and equally long.
    public init(_ configuration: Configuration) throws(LessonError) {
        let (x, y, p) = (configuration.x, configuration.y, configuration.parameters)
        precondition(!x.isEmpty && x.count == y.count, "x and y need the same, non-zero length; got \(x.count) and \(y.count)")
        self.configuration = configuration

        // Forward: keep every step, the backward pass needs h_{t−1}, a_t and h_t.
        forward = ScalarRNNLesson.run(configuration, parameters: p)
        totalLoss = forward.reduce(0) { $0 + $1.loss }

        (backward, contributions, dH0) = ScalarRNNLesson.backpropagate(forward, configuration, carry: true)
        gradient = ScalarRNNLesson.total(contributions)
        let eta = configuration.learningRate
        updated = p.replacing(with: zip(p.named, gradient.named).map { $0.value - eta * $1.value })

        finiteDifferenceCheck = FiniteDifferenceCheck(
            names: p.named.map { "∂L/∂" + configuration.notation.symbol($0.key) },
            values: p.named.map(\.value),
            analytic: gradient.named.map(\.value)
        ) { values in
            ScalarRNNLesson.run(configuration, parameters: p.replacing(with: values)).reduce(0) { $0 + $1.loss }
        }
        try LessonError.requireFinite(forward.flatMap { [("a_\($0.t)", $0.a), ("ŷ_\($0.t)", $0.yHat), ("L_\($0.t)", $0.loss)] })
        try LessonError.requireFinite(backward.map { ("∂L/∂a_\($0.t)", $0.dA) } + [("L", totalLoss)])
        try LessonError.requireFinite(updated.named.map { ($0.key + " after the step", $0.value) })
    }

    /// The backward pass: the forward loop reversed, from step T down to 1. Without `carry`,
    /// each step forgets what later steps send back (a classic mistake, kept to recognise it).
    static func backpropagate(
        _ forward: [ForwardStep], _ configuration: Configuration, carry: Bool
    ) -> (steps: [BackwardStep], contributions: [ScalarRNNParameters], dH0: Double) {
        let p = configuration.parameters
        let T = forward.count
        var steps: [BackwardStep] = []
        var contributions: [ScalarRNNParameters] = []
        var dANext = 0.0  // ∂L/∂a_{t+1}; nothing comes back from beyond the last step
        for step in forward.reversed() {
            let dYHat = configuration.loss.gradient(prediction: step.yHat, target: step.y, count: T)  // L_t = k·(ŷ_t − y_t)²
            let dHFromOutput = p.v * dYHat                          // ŷ_t = v·h_t + c
            let dHFromNext = carry ? p.u * dANext : 0               // a_{t+1} = … + u·h_t + …
            let dH = dHFromOutput + dHFromNext
            let dA = dH * configuration.activation.derivative(at: step.a)  // h_t = φ(a_t)
            steps.append(BackwardStep(t: step.t, dYHat: dYHat, dHFromOutput: dHFromOutput, dHFromNext: dHFromNext, dH: dH, dA: dA))
            contributions.append(ScalarRNNParameters(
                w: dA * step.x,                                     // a_t = w·x_t + …
                u: dA * step.hPrevious,                             // … + u·h_{t−1} + …
                v: dYHat * step.h,                                  // ŷ_t = v·h_t + …
                b: p.b == nil ? nil : dA,                           // … + b
                c: p.c == nil ? nil : dYHat))                       // … + c
            dANext = dA
        }
        return (steps.reversed(), contributions.reversed(), p.u * dANext)
    }

    /// Each parameter's gradient: its contributions summed over the steps.
    static func total(_ contributions: [ScalarRNNParameters]) -> ScalarRNNParameters {
        let sum = { (part: (ScalarRNNParameters) -> Double?) -> Double? in
            contributions.first.flatMap(part) == nil ? nil : contributions.reduce(0) { $0 + part($1)! }
        }
        return ScalarRNNParameters(w: sum { $0.w }!, u: sum { $0.u }!, v: sum { $0.v }!, b: sum { $0.b }, c: sum { $0.c })
    }

    /// The forward pass alone, for any parameter values (the finite differences use it).
    static func run(_ configuration: Configuration, parameters p: ScalarRNNParameters) -> [ForwardStep] {
        let T = configuration.x.count
        var h = configuration.h0
        var steps: [ForwardStep] = []
        for (index, (x, y)) in zip(configuration.x, configuration.y).enumerated() {
            let a = p.w * x + p.u * h + (p.b ?? 0)
            let hNext = configuration.activation(a)
            let yHat = p.v * hNext + (p.c ?? 0)
            let loss = configuration.loss.term(prediction: yHat, target: y, count: T)
            steps.append(ForwardStep(t: index + 1, x: x, y: y, hPrevious: h, a: a, h: hNext, yHat: yHat, loss: loss))
            h = hNext
        }
        return steps
    }
}
