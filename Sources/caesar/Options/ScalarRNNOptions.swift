import ArgumentParser
import CaesarLessons

extension Activation: ExpressibleByArgument {}
extension SquaredLoss: ExpressibleByArgument {}

/// The exercise `caesar lesson bptt` computes: a preset, then any value changed by a flag.
struct ScalarRNNOptions: ParsableArguments {
    enum Preset: String, CaseIterable, ExpressibleByArgument {
        case textbook, linear
    }

    @Option(help: "Start from this exercise: textbook (tanh, ½-sum loss, 3 steps) or linear (h_t = W_h·h_{t−1} + W_x·x_t, no biases, sum loss, 2 steps).")
    var preset: Preset = .textbook

    @Option(name: .customLong("x"), parsing: .unconditional, help: ArgumentHelp("Inputs x_1,…,x_T (textbook: 1.0,0.8,0.6).", valueName: "list"), transform: NumberArguments.list)
    var x: [Double]?
    @Option(name: .customLong("y"), parsing: .unconditional, help: ArgumentHelp("Targets y_1,…,y_T, as many as inputs (textbook: 0.5,0.6,0.7).", valueName: "list"), transform: NumberArguments.list)
    var y: [Double]?
    @Option(name: .customLong("w"), parsing: .unconditional, help: ArgumentHelp("Input weight w (W_x in the linear preset).", valueName: "number"), transform: NumberArguments.finite)
    var w: Double?
    @Option(name: .customLong("u"), parsing: .unconditional, help: ArgumentHelp("Recurrent weight u (W_h).", valueName: "number"), transform: NumberArguments.finite)
    var u: Double?
    @Option(name: .customLong("v"), parsing: .unconditional, help: ArgumentHelp("Output weight v (W_y).", valueName: "number"), transform: NumberArguments.finite)
    var v: Double?
    @Option(name: .customLong("b"), parsing: .unconditional, help: ArgumentHelp("Hidden bias b (the linear preset has none unless given).", valueName: "number"), transform: NumberArguments.finite)
    var b: Double?
    @Option(name: .customLong("c"), parsing: .unconditional, help: ArgumentHelp("Output bias c (the linear preset has none unless given).", valueName: "number"), transform: NumberArguments.finite)
    var c: Double?
    @Option(name: .customLong("h0"), parsing: .unconditional, help: ArgumentHelp("Initial hidden state h_0.", valueName: "number"), transform: NumberArguments.finite)
    var h0: Double?
    @Option(name: .customLong("lr"), parsing: .unconditional, help: ArgumentHelp("Learning rate η of the gradient-descent step.", valueName: "number"), transform: NumberArguments.finite)
    var learningRate: Double?
    @Option(help: ArgumentHelp("The nonlinearity φ in h_t = φ(a_t).", valueName: "name"))
    var activation: Activation?
    @Option(help: ArgumentHelp("The loss: half-sum Σ½(ŷ−y)², sum Σ(ŷ−y)², half-mean or mean (divided by T).", valueName: "form"))
    var loss: SquaredLoss?

    func validate() throws {
        let start = preset.configuration
        let (xCount, yCount) = ((x ?? start.x).count, (y ?? start.y).count)
        guard xCount == yCount else {
            throw ValidationError("--x has \(xCount) number\(xCount == 1 ? "" : "s") but --y has \(yCount); give one target per input")
        }
    }

    /// The preset with every given flag applied.
    var configuration: ScalarRNNLesson.Configuration {
        var config = preset.configuration
        config.x = x ?? config.x
        config.y = y ?? config.y
        config.parameters.w = w ?? config.parameters.w
        config.parameters.u = u ?? config.parameters.u
        config.parameters.v = v ?? config.parameters.v
        config.parameters.b = b ?? config.parameters.b
        config.parameters.c = c ?? config.parameters.c
        config.h0 = h0 ?? config.h0
        config.learningRate = learningRate ?? config.learningRate
        config.activation = activation ?? config.activation
        config.loss = loss ?? config.loss
        return config
    }
}

extension ScalarRNNOptions.Preset {
    var configuration: ScalarRNNLesson.Configuration {
        switch self {
        case .textbook: return .textbook
        case .linear: return .linear
        }
    }
}
