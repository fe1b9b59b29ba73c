import ArgumentParser
import CaesarLessons

/// The cell `caesar lesson lstm` computes: sizes, data and any weight given by a flag.
struct LSTMCellOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Input size D, numbers per x_t (default: 1).", valueName: "D"),
            transform: { try NumberArguments.integer($0, in: 1...8, name: "--input-size") })
    var inputSize = 1
    @Option(help: ArgumentHelp("Hidden size H, numbers per h_t and c_t (default: 1).", valueName: "H"),
            transform: { try NumberArguments.integer($0, in: 1...8, name: "--hidden-size") })
    var hiddenSize = 1
    @Option(name: .customLong("x"), parsing: .unconditional, help: ArgumentHelp("Inputs, T·D numbers, step by step (default: 1.0,0.8,0.6).", valueName: "list"), transform: NumberArguments.list)
    var x: [Double] = [1.0, 0.8, 0.6]
    @Option(name: .customLong("y"), parsing: .unconditional, help: ArgumentHelp("Targets for h_t, T·H numbers (default: 0.5,0.6,0.7).", valueName: "list"), transform: NumberArguments.list)
    var y: [Double] = [0.5, 0.6, 0.7]
    @Option(name: .customLong("h0"), parsing: .unconditional, help: ArgumentHelp("Initial output h_0, H numbers (default: zeros).", valueName: "list"), transform: NumberArguments.list)
    var h0: [Double]?
    @Option(name: .customLong("c0"), parsing: .unconditional, help: ArgumentHelp("Initial cell state c_0, H numbers (default: zeros).", valueName: "list"), transform: NumberArguments.list)
    var c0: [Double]?

    @Option(name: .customLong("wi"), parsing: .unconditional, help: ArgumentHelp("W_i of the input gate, H·D numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var wi: [Double]?
    @Option(name: .customLong("wf"), parsing: .unconditional, help: ArgumentHelp("W_f of the forget gate, H·D numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var wf: [Double]?
    @Option(name: .customLong("wg"), parsing: .unconditional, help: ArgumentHelp("W_g of the candidate, H·D numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var wg: [Double]?
    @Option(name: .customLong("wo"), parsing: .unconditional, help: ArgumentHelp("W_o of the output gate, H·D numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var wo: [Double]?
    @Option(name: .customLong("ui"), parsing: .unconditional, help: ArgumentHelp("U_i of the input gate, H·H numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var ui: [Double]?
    @Option(name: .customLong("uf"), parsing: .unconditional, help: ArgumentHelp("U_f of the forget gate, H·H numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var uf: [Double]?
    @Option(name: .customLong("ug"), parsing: .unconditional, help: ArgumentHelp("U_g of the candidate, H·H numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var ug: [Double]?
    @Option(name: .customLong("uo"), parsing: .unconditional, help: ArgumentHelp("U_o of the output gate, H·H numbers row by row.", valueName: "list"), transform: NumberArguments.list)
    var uo: [Double]?
    @Option(name: .customLong("bi"), parsing: .unconditional, help: ArgumentHelp("b_i of the input gate, H numbers.", valueName: "list"), transform: NumberArguments.list)
    var bi: [Double]?
    @Option(name: .customLong("bf"), parsing: .unconditional, help: ArgumentHelp("b_f of the forget gate, H numbers.", valueName: "list"), transform: NumberArguments.list)
    var bf: [Double]?
    @Option(name: .customLong("bg"), parsing: .unconditional, help: ArgumentHelp("b_g of the candidate, H numbers.", valueName: "list"), transform: NumberArguments.list)
    var bg: [Double]?
    @Option(name: .customLong("bo"), parsing: .unconditional, help: ArgumentHelp("b_o of the output gate, H numbers.", valueName: "list"), transform: NumberArguments.list)
    var bo: [Double]?

    @Option(help: ArgumentHelp("Seed for the weights not given when D or H is above 1.", valueName: "n"))
    var seed: UInt64 = 0
    @Option(help: ArgumentHelp("The loss on h_t.", valueName: "form"))
    var loss: SquaredLoss = .halfSum

    /// Each weight flag with its name and the count it needs.
    private var weightFlags: [(flag: String, gate: LSTMGate, part: String, values: [Double]?, count: Int)] {
        let (H, D) = (hiddenSize, inputSize)
        return [
            ("--wi", .i, "w", wi, H * D), ("--wf", .f, "w", wf, H * D), ("--wg", .g, "w", wg, H * D), ("--wo", .o, "w", wo, H * D),
            ("--ui", .i, "u", ui, H * H), ("--uf", .f, "u", uf, H * H), ("--ug", .g, "u", ug, H * H), ("--uo", .o, "u", uo, H * H),
            ("--bi", .i, "b", bi, H), ("--bf", .f, "b", bf, H), ("--bg", .g, "b", bg, H), ("--bo", .o, "b", bo, H),
        ]
    }

    func validate() throws {
        let (H, D) = (hiddenSize, inputSize)
        guard x.count % D == 0 else {
            throw ValidationError("--x has \(x.count) numbers, not a whole number of steps of D = \(D)")
        }
        let T = x.count / D
        guard y.count == T * H else {
            throw ValidationError("--y has \(y.count) numbers; \(T) steps × H = \(H) need \(T * H)")
        }
        for (flag, values) in [("--h0", h0), ("--c0", c0)] where values != nil && values!.count != H {
            throw ValidationError("\(flag) has \(values!.count) numbers; H = \(H) needs \(H)")
        }
        for w in weightFlags where w.values != nil && w.values!.count != w.count {
            let name = "\(w.part == "b" ? "b" : w.part.uppercased())_\(w.gate.rawValue)"
            let size = w.part == "b" ? "H = \(H)" : w.part == "u" ? "H×H = \(H)×\(H)" : "H×D = \(H)×\(D)"
            throw ValidationError("\(w.flag) has \(w.values!.count) numbers; \(name) is \(size) and needs \(w.count)")
        }
    }

    /// The cell: defaults (D = H = 1) or seeded weights, then every weight given by a flag.
    var configuration: LSTMCellLesson.Configuration {
        let (H, D) = (hiddenSize, inputSize)
        var parameters = H == 1 && D == 1 ? LSTMCellParameters.lessonDefaults : .random(inputSize: D, hiddenSize: H, seed: seed)
        let rows = { (values: [Double], columns: Int) in stride(from: 0, to: values.count, by: columns).map { Array(values[$0..<($0 + columns)]) } }
        for w in weightFlags {
            guard let values = w.values else { continue }
            switch w.part {
            case "w": parameters[w.gate].w = rows(values, D)
            case "u": parameters[w.gate].u = rows(values, H)
            default: parameters[w.gate].b = values
            }
        }
        return LSTMCellLesson.Configuration(
            x: rows(x, D), y: rows(y, H), parameters: parameters,
            h0: h0 ?? [Double](repeating: 0, count: H), c0: c0 ?? [Double](repeating: 0, count: H), loss: loss)
    }
}
