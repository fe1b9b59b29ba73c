/// The LSTM cell lesson as the terminal shows it: equations, weights, the forward table with
/// every gate, the backward pass through h_t and c_t, the gates' gradients, the cell path
/// and the weight gradients with their finite-difference check.
extension LSTMCellLesson {
    public func text(digits: Int) -> String {
        let config = configuration, p = config.parameters
        let (T, H, D) = (forward.count, p.hiddenSize, p.inputSize)
        let v = { (x: [Double]) in NumberFormat.significant(x, digits: digits) }
        let m = { (x: [[Double]]) in LSTMCellLesson.matrix(x, digits: digits) }
        let s = { (x: Double) in NumberFormat.significant(x, digits: digits) }

        var text = "LSTM cell, \(T) step\(T == 1 ? "" : "s"), input size D = \(D), hidden size H = \(H), \(config.loss.rawValue) loss\n"
        text += "  i_t = σ(W_i·x_t + U_i·h_{t−1} + b_i)      f_t = σ(W_f·x_t + U_f·h_{t−1} + b_f)\n"
        text += "  g_t = tanh(W_g·x_t + U_g·h_{t−1} + b_g)   o_t = σ(W_o·x_t + U_o·h_{t−1} + b_o)\n"
        text += "  c_t = f_t⊙c_{t−1} + i_t⊙g_t               h_t = o_t⊙tanh(c_t)\n"
        text += "  L = Σ_t \(config.loss.termFormula(prediction: "h_t", target: "y_t", count: "\(T * H)"))\n\n"

        // Vectors and matrices (--hidden-size) make wide tables: those continue below, by the first column.
        let width = TextWrap.width
        text += "Weights (gate order i, f, g, o as in PyTorch; b = bias_ih + bias_hh)\n"
        var table = TextTable(header: ["gate", "", "W (H×D)", "U (H×H)", "b (H)"])
        for gate in LSTMGate.allCases {
            table.append([gate.rawValue, gate.role, m(p[gate].w), m(p[gate].u), v(p[gate].b)])
        }
        text += table.render(fitting: width)
        text += TextWrap.fill(["h_0 = \(v(config.h0))", "c_0 = \(v(config.c0))"], separator: "   ", indent: "  ", continuation: "  ", width: width) + "\n"

        text += "Forward\n"
        table = TextTable(header: ["t", "x_t", "i_t", "f_t", "g_t", "o_t", "c_t", "h_t", "y_t", "L_t"])
        for step in forward {
            table.append(["\(step.t)", v(step.x), v(step.gates.i), v(step.gates.f), v(step.gates.g), v(step.gates.o),
                          v(step.c), v(step.h), v(step.y), s(step.loss)])
        }
        text += table.render(fitting: width)
        text += "  L = \(s(totalLoss))\n\n"

        // One backward pass, shown as two tables so that each fits: the h_t path, then the c_t path it feeds.
        text += "Backward through h_t, from step \(T) to step 1\n"
        table = TextTable(header: ["t", "∂L_t/∂h_t", "+ from t+1", "= ∂L/∂h_t"])
        for step in backward.reversed() {
            table.append(["\(step.t)", v(step.dHFromLoss), v(step.dHFromNext), v(step.dH)])
        }
        text += table.render(fitting: width)
        text += "  \"from t+1\" is Σ_gates U_gᵀ·∂L/∂z_{g,t+1}, the carry through every gate's U.\n"
        text += "  ∂L/∂h_0 = \(v(dH0))\n\n"

        text += "Backward through c_t, from each step's ∂L/∂h_t above\n"
        table = TextTable(header: ["t", "∂L/∂h_t·o_t·(1−tanh²c_t)", "+ f_{t+1}·∂L/∂c_{t+1}", "= ∂L/∂c_t"])
        for step in backward.reversed() {
            table.append(["\(step.t)", v(step.dCFromH), v(step.dCFromNext), v(step.dC)])
        }
        text += table.render(fitting: width)
        text += "  f_{t+1}·∂L/∂c_{t+1} is the forget-gate path, the cell's own carry.\n"
        text += "  ∂L/∂c_0 = f_1·∂L/∂c_1 = \(v(dC0))\n\n"

        text += "Gates, at their outputs\n"
        text += "  ∂L/∂i = ∂L/∂c·g      ∂L/∂f = ∂L/∂c·c_{t−1}\n"
        text += "  ∂L/∂g = ∂L/∂c·i      ∂L/∂o = ∂L/∂h·tanh(c)\n"
        table = TextTable(header: ["t", "∂L/∂i_t", "∂L/∂f_t", "∂L/∂g_t", "∂L/∂o_t"])
        for step in backward.reversed() {
            let g = step.dGates
            table.append(["\(step.t)", v(g.i), v(g.f), v(g.g), v(g.o)])
        }
        text += table.render(fitting: width) + "\n"

        text += "Then through σ′ = s(1 − s) or tanh′ = 1 − g² to the pre-activations z\n"
        table = TextTable(header: ["t", "∂L/∂z_i", "∂L/∂z_f", "∂L/∂z_g", "∂L/∂z_o"])
        for step in backward.reversed() {
            let z = step.dPreactivations
            table.append(["\(step.t)", v(z.i), v(z.f), v(z.g), v(z.o)])
        }
        text += table.render(fitting: width) + "\n"

        text += "The cell path: along c alone, ∂c_\(T)/∂c_k = f_{k+1}⊙…⊙f_\(T)\n"
        table = TextTable(header: ["k", "product", "∂c_\(T)/∂c_k"])
        for (index, product) in cellPath.enumerated() {
            let k = T - 1 - index
            let factors = ((k + 1)...T).reversed().map { "f_\($0)" }
            table.append(["\(k)", factors.count > 4 ? "f_\(k + 1)⊙…⊙f_\(T)" : factors.joined(separator: "⊙"), v(product)])
        }
        text += table.render(fitting: width)
        text += "  No weight matrix and no squashing on the way: only forget gates.\n\n"

        text += "Gradients of the weights, summed over the steps\n"
        text += "  ∂L/∂W = Σ_t ∂L/∂z_t·x_tᵀ   ∂L/∂U = Σ_t ∂L/∂z_t·h_{t−1}ᵀ   ∂L/∂b = Σ_t ∂L/∂z_t\n"
        table = TextTable(header: ["gate", "∂L/∂W", "∂L/∂U", "∂L/∂b"])
        for gate in LSTMGate.allCases {
            table.append([gate.rawValue, m(gradient[gate].w), m(gradient[gate].u), v(gradient[gate].b)])
        }
        text += table.render(fitting: width)
        text += TextWrap.wrap(finiteDifferenceCheck.summary, indent: "  ", continuation: "    ")
        return text
    }

    /// A matrix as `[0.1, 0.2; 0.3, 0.4]`, a 1×1 matrix as its number.
    static func matrix(_ m: [[Double]], digits: Int) -> String {
        if m.count == 1, m[0].count == 1 { return NumberFormat.significant(m[0][0], digits: digits) }
        return "[" + m.map { $0.map { NumberFormat.significant($0, digits: digits) }.joined(separator: ", ") }.joined(separator: "; ") + "]"
    }
}
