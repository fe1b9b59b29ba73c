/// The scalar RNN exercise as the terminal shows it: equations, forward table, backward
/// table, each gradient per step, the SGD step and the finite-difference check.
extension ScalarRNNLesson {
    /// The whole lesson as text, numbers rounded to `digits` significant digits.
    public func text(digits: Int) -> String {
        let config = configuration, p = config.parameters, s = config.notation
        let T = forward.count
        let f = { (x: Double) in NumberFormat.significant(x, digits: digits) }
        let phi = config.activation
        var text = "Scalar RNN, \(T) step\(T == 1 ? "" : "s"), \(phi.rawValue) activation, \(config.loss.rawValue) loss\n"
        text += "  a_t = \(s.w)·x_t + \(s.u)·h_{t−1}\(p.b == nil ? "" : " + b")    h_t = \(phi.applied(to: "a_t"))    "
        text += "ŷ_t = \(s.v)·h_t\(p.c == nil ? "" : " + c")\n"
        text += "  L = Σ_t \(config.loss.termFormula(prediction: "ŷ_t", target: "y_t", count: "\(T)"))\n"
        let mathOrder = ["w", "u", "v", "b", "c"].compactMap { key in p.named.first { $0.key == key } }
        let values = mathOrder.map { "\(s.symbol($0.key)) = \(f($0.value))" } + ["h_0 = \(f(config.h0))", "η = \(f(config.learningRate))"]
        // Long numbers (--digits 17) would push the values past 80 columns: they continue below.
        text += TextWrap.fill(values, separator: "   ", indent: "  ", continuation: "  ", width: TextWrap.width) + "\n"

        text += "Forward\n"
        var table = TextTable(header: ["t", "x_t", "y_t", "h_{t−1}", "a_t", "h_t", "ŷ_t", "L_t"])
        for step in forward {
            table.append(["\(step.t)", f(step.x), f(step.y), f(step.hPrevious), f(step.a), f(step.h), f(step.yHat), f(step.loss)])
        }
        text += table.render(fitting: TextWrap.width)
        text += "  L = \(f(totalLoss))\n\n"

        text += "Backward, from step \(T) to step 1\n"
        table = TextTable(header: ["t", "∂L/∂ŷ_t", "\(s.v)·∂L/∂ŷ_t", "+ \(s.u)·∂L/∂a_{t+1}", "= ∂L/∂h_t", "∂L/∂a_t"])
        for step in backward.reversed() {
            table.append(["\(step.t)", f(step.dYHat), f(step.dHFromOutput), f(step.dHFromNext), f(step.dH), f(step.dA)])
        }
        text += table.render(fitting: TextWrap.width)
        text += "  ∂L/∂ŷ_t = \(config.loss.gradientFormula(prediction: "ŷ_t", target: "y_t", count: "\(T)"))    "
        text += "∂L/∂a_t = ∂L/∂h_t·\(phi.derivativeFormula(output: "h_t", input: "a_t"))\n"
        text += "  ∂L/∂h_0 = \(s.u)·∂L/∂a_1 = \(f(dH0))\n"
        text += "  (the carry \(s.u)·∂L/∂a_{t+1} is how a step's error reaches earlier steps;\n"
        text += "   it is 0 after the last step)\n\n"

        text += "Gradients: each step's contribution and the total\n"
        let perStep: [String: String] = [
            "v": "∂L/∂ŷ_t·h_t", "c": "∂L/∂ŷ_t", "w": "∂L/∂a_t·x_t", "u": "∂L/∂a_t·h_{t−1}", "b": "∂L/∂a_t",
        ]
        table = TextTable(header: ["∂L/∂θ", "term"] + (1...T).map { "t=\($0)" } + ["total"])
        for (key, total) in gradient.named {
            let terms = contributions.map { c in f(c.named.first { $0.key == key }!.value) }
            table.append(["∂L/∂\(s.symbol(key))", perStep[key]!] + terms + [f(total)])
        }
        text += table.render(fitting: TextWrap.width, keys: 2)  // long runs continue below, by θ and term
        text += TextWrap.wrap(finiteDifferenceCheck.summary, indent: "  ", continuation: "    ") + "\n"

        text += "One step of gradient descent, θ ← θ − η·∂L/∂θ with η = \(f(config.learningRate))\n"
        table = TextTable(header: ["θ", "before", "∂L/∂θ", "after"])
        for ((key, before), ((_, g), (_, after))) in zip(p.named, zip(gradient.named, updated.named)) {
            table.append([s.symbol(key), f(before), f(g), f(after)])
        }
        text += table.render()
        return text
    }
}
