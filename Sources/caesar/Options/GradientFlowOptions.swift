import ArgumentParser
import CaesarLessons

/// The sweep `caesar lesson gradients` runs: activation, weights, inputs and the LSTM's
/// forget bias.
struct GradientFlowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The RNN's nonlinearity φ (default: sigmoid).", valueName: "name"))
    var activation: Activation?
    @Option(name: .customLong("w"), parsing: .unconditional, help: ArgumentHelp("Recurrent weights to compare, 1 to 10 of them (default: 2,3,4,5,6).", valueName: "list"), transform: NumberArguments.list)
    var weights: [Double]?
    @Option(help: ArgumentHelp("Number of steps T with zero input, 1–200 (default: 20).", valueName: "T"),
            transform: { try NumberArguments.integer($0, in: 1...200, name: "--steps") })
    var steps: Int?
    @Option(name: .customLong("x"), parsing: .unconditional, help: ArgumentHelp("The inputs x_1,…,x_T instead of zeros (T ≤ 200).", valueName: "list"), transform: NumberArguments.list)
    var x: [Double]?
    @Option(name: .customLong("b"), parsing: .unconditional, help: ArgumentHelp("The RNN bias (default: −w·φ(0), which centres a_t on x_t).", valueName: "number"), transform: NumberArguments.finite)
    var bias: Double?
    @Option(name: .customLong("h0"), parsing: .unconditional, help: ArgumentHelp("The RNN's h_0 (default: φ(0)).", valueName: "number"), transform: NumberArguments.finite)
    var h0: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("The LSTM's forget-gate bias b_f (default: 1, as in 'caesar lesson lstm').", valueName: "number"), transform: NumberArguments.finite)
    var forgetBias: Double?

    func validate() throws {
        if let weights, !(1...10).contains(weights.count) {
            throw ValidationError("--w has \(weights.count) numbers; compare 1 to 10 weights")
        }
        if let x, x.count > 200 {
            throw ValidationError("--x has \(x.count) numbers; at most 200 steps are shown")
        }
        if let x, let steps, x.count != steps {
            throw ValidationError("--steps \(steps) but --x has \(x.count) numbers; give one or make them agree")
        }
    }

    /// Whether any option of the sweep was given.
    var isGiven: Bool {
        activation != nil || weights != nil || steps != nil || x != nil || bias != nil || h0 != nil || forgetBias != nil
    }

    var configuration: GradientFlowLesson.Configuration {
        var lstm = LSTMCellParameters.lessonDefaults
        lstm.f.b = [forgetBias ?? lstm.f.b[0]]
        return GradientFlowLesson.Configuration(
            activation: activation ?? .sigmoid, weights: weights ?? [2, 3, 4, 5, 6], x: x ?? [Double](repeating: 0, count: steps ?? 20),
            bias: bias, h0: h0, lstm: lstm)
    }
}
