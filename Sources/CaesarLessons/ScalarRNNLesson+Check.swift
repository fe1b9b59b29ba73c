/// The quantities of the scalar RNN exercise that `--check` compares, in dependency order,
/// with their formulas and the slips that produce recognisable wrong values.
extension ScalarRNNLesson {
    /// Every value of the exercise by the name a learner types (`a_1`, `h_1`, `yhat_1`,
    /// `L_1`, …, `L`, `dL/dyhat_T`, `dL/dh_T`, `dL/da_T`, …, `dL/dh_0`, `dL/dv`, …, `w_new`).
    public var quantities: [CheckableQuantity] {
        let config = configuration, p = config.parameters, s = config.notation
        let phi = config.activation, loss = config.loss
        let T = forward.count
        let (w, u, v) = (s.w, s.u, s.v)
        let plusB = p.b == nil ? "" : " + b", plusC = p.c == nil ? "" : " + c"
        let uncarried = ScalarRNNLesson.backpropagate(forward, config, carry: false)
        var list: [CheckableQuantity] = []

        // Forward, step by step.
        for f in forward {
            let t = f.t
            let hPrevious = "h_\(t - 1)"
            var aMistakes: [CheckableQuantity.Mistake] = []
            if t > 1 {
                let aBefore = forward[t - 2].a
                aMistakes.append(.init(value: p.w * f.x + p.u * aBefore + (p.b ?? 0), explanation: "that uses a_\(t - 1) where h_\(t - 1) belongs"))
            }
            if let b = p.b { aMistakes.append(.init(value: f.a - b, explanation: "that leaves out b")) }
            list.append(CheckableQuantity(
                name: "a_\(t)", value: f.a, formula: "a_\(t) = \(w)·x_\(t) + \(u)·\(hPrevious)\(plusB)",
                dependencies: t > 1 ? [hPrevious] : [],
                question: "did you use \(hPrevious) (after the \(phi.rawValue)), x_\(t) = \(f.x) and the right weights?",
                mistakes: aMistakes))
            list.append(CheckableQuantity(
                name: "h_\(t)", value: f.h, formula: "h_\(t) = \(phi.applied(to: "a_\(t)"))", dependencies: ["a_\(t)"],
                question: "did you apply the \(phi.rawValue)?",
                mistakes: [.init(value: f.a, explanation: "that is a_\(t) itself: did you apply the \(phi.rawValue)?")]
                    + Activation.allCases.filter { $0 != phi }.map {
                        .init(value: $0(f.a), explanation: "that is \($0.applied(to: "a_\(t)")), but this network uses \(phi.rawValue)")
                    }))
            var yMistakes: [CheckableQuantity.Mistake] = [.init(value: p.v * f.a + (p.c ?? 0), explanation: "that uses a_\(t) where h_\(t) belongs")]
            if let c = p.c { yMistakes.append(.init(value: f.yHat - c, explanation: "that leaves out c")) }
            list.append(CheckableQuantity(
                name: "yhat_\(t)", value: f.yHat, formula: "ŷ_\(t) = \(v)·h_\(t)\(plusC)", dependencies: ["h_\(t)"],
                question: "did you use h_\(t), the output of the \(phi.rawValue)?", mistakes: yMistakes))
            list.append(CheckableQuantity(
                name: "L_\(t)", value: f.loss, formula: "L_\(t) = " + loss.termFormula(prediction: "ŷ_\(t)", target: "y_\(t)", count: "\(T)"),
                dependencies: ["yhat_\(t)"], question: "did you square the difference, with y_\(t) = \(f.y)?",
                mistakes: SquaredLoss.allCases.filter { $0 != loss }.map { other in
                    .init(value: other.term(prediction: f.yHat, target: f.y, count: T),
                          explanation: "that is \(other.termFormula(prediction: "ŷ_\(t)", target: "y_\(t)", count: "\(T)")), the \(other.rawValue) loss; this lesson uses \(loss.rawValue)")
                }))
        }
        list.append(CheckableQuantity(
            name: "L", value: totalLoss, formula: "L = " + (1...T).map { "L_\($0)" }.joined(separator: " + "),
            dependencies: (1...T).map { "L_\($0)" }, question: "did you add the loss of every step?",
            mistakes: SquaredLoss.allCases.filter { $0 != loss }.map { other in
                .init(value: forward.reduce(0) { $0 + other.term(prediction: $1.yHat, target: $1.y, count: T) },
                      explanation: "that is the \(other.rawValue) loss; this lesson uses \(loss.rawValue)")
            }))

        // Backward, from the last step to the first.
        for k in backward.indices.reversed() {
            let b = backward[k], f = forward[k], t = b.t
            list.append(CheckableQuantity(
                name: "dL/dyhat_\(t)", value: b.dYHat,
                formula: "∂L/∂ŷ_\(t) = " + loss.gradientFormula(prediction: "ŷ_\(t)", target: "y_\(t)", count: "\(T)"),
                dependencies: ["yhat_\(t)"], question: "did you differentiate L_\(t) with respect to ŷ_\(t)?",
                mistakes: [.init(value: -b.dYHat, explanation: "the sign is flipped: it is prediction minus target")]
                    + SquaredLoss.allCases.filter { $0 != loss }.map { other in
                        .init(value: other.gradient(prediction: f.yHat, target: f.y, count: T),
                              explanation: "that is the gradient of the \(other.rawValue) loss, \(other.gradientFormula(prediction: "ŷ_\(t)", target: "y_\(t)", count: "\(T)")); this lesson uses \(loss.rawValue)")
                    }))
            let last = t == T
            list.append(CheckableQuantity(
                name: "dL/dh_\(t)", value: b.dH,
                formula: "∂L/∂h_\(t) = \(v)·∂L/∂ŷ_\(t)" + (last ? " (nothing comes back from step \(t + 1))" : " + \(u)·∂L/∂a_\(t + 1)"),
                dependencies: ["dL/dyhat_\(t)"] + (last ? [] : ["dL/da_\(t + 1)"]),
                question: last ? "did you multiply ∂L/∂ŷ_\(t) by \(v)?" : "did you add the carry \(u)·∂L/∂a_\(t + 1) from step \(t + 1)?",
                mistakes: last ? [] : [
                    .init(value: b.dHFromOutput, explanation: "that is \(v)·∂L/∂ŷ_\(t) alone: add the carry \(u)·∂L/∂a_\(t + 1) from step \(t + 1)"),
                    .init(value: b.dHFromNext, explanation: "that is the carry alone: add \(v)·∂L/∂ŷ_\(t) from this step's output"),
                ]))
            var daMistakes: [CheckableQuantity.Mistake] = [
                .init(value: b.dH, explanation: "that is ∂L/∂h_\(t): multiply by φ′(a_\(t)) = \(phi.derivativeFormula(output: "h_\(t)", input: "a_\(t)"))"),
                .init(value: uncarried.steps[k].dA, explanation: "that leaves out the carry from step \(t + 1) in ∂L/∂h_\(t)"),
            ]
            if phi == .tanh { daMistakes.append(.init(value: b.dH * (1 - f.a * f.a), explanation: "1 − a_\(t)² is not the derivative: it is 1 − h_\(t)², with h_\(t) = tanh(a_\(t))")) }
            if phi == .sigmoid { daMistakes.append(.init(value: b.dH * f.a * (1 - f.a), explanation: "a_\(t)·(1 − a_\(t)) is not the derivative: it is h_\(t)·(1 − h_\(t)), with h_\(t) = σ(a_\(t))")) }
            list.append(CheckableQuantity(
                name: "dL/da_\(t)", value: b.dA,
                formula: "∂L/∂a_\(t) = ∂L/∂h_\(t)·\(phi.derivativeFormula(output: "h_\(t)", input: "a_\(t)"))",
                dependencies: ["dL/dh_\(t)", "h_\(t)"], question: "did you multiply by the derivative of the \(phi.rawValue) at a_\(t)?",
                mistakes: daMistakes))
        }
        list.append(CheckableQuantity(
            name: "dL/dh_0", value: dH0, formula: "∂L/∂h_0 = \(u)·∂L/∂a_1", dependencies: ["dL/da_1"],
            question: "h_0 enters only a_1, through \(u)",
            mistakes: [.init(value: uncarried.dH0, explanation: "that uses ∂L/∂a_1 without the carries from later steps")]))

        // Gradients: sums of per-step contributions.
        let sums: [String: (formula: String, dependencies: [String])] = [
            "v": ("Σ_t ∂L/∂ŷ_t·h_t", (1...T).flatMap { ["dL/dyhat_\($0)", "h_\($0)"] }),
            "c": ("Σ_t ∂L/∂ŷ_t", (1...T).map { "dL/dyhat_\($0)" }),
            "w": ("Σ_t ∂L/∂a_t·x_t", (1...T).map { "dL/da_\($0)" }),
            "u": ("Σ_t ∂L/∂a_t·h_{t−1}", (1...T).flatMap { ["dL/da_\($0)"] + ($0 > 1 ? ["h_\($0 - 1)"] : []) }),
            "b": ("Σ_t ∂L/∂a_t", (1...T).map { "dL/da_\($0)" }),
        ]
        let noCarry = ScalarRNNLesson.total(uncarried.contributions)
        let lastStep = contributions[T - 1]
        let byKey = { (params: ScalarRNNParameters, key: String) in params.named.first { $0.key == key }!.value }
        for (key, value) in gradient.named {
            let symbol = s.symbol(key)
            var mistakes: [CheckableQuantity.Mistake] = [
                .init(value: byKey(noCarry, key), explanation: "that is the gradient without the carries between steps: ∂L/∂h_t also receives \(u)·∂L/∂a_{t+1}"),
            ]
            if T > 1 { mistakes.append(.init(value: byKey(lastStep, key), explanation: "that is step \(T)'s term alone: the gradient sums over all \(T) steps")) }
            if key == "u" {
                let paired = zip(backward, forward).reduce(0) { $0 + $1.0.dA * $1.1.h }
                mistakes.append(.init(value: paired, explanation: "that pairs ∂L/∂a_t with h_t; \(u) multiplies h_{t−1} (h_0 at t = 1)"))
            }
            list.append(CheckableQuantity(
                name: "dL/d\(symbol)", value: value, formula: "∂L/∂\(symbol) = " + sums[key]!.formula,
                dependencies: sums[key]!.dependencies, question: "did you sum the contributions of all \(T) steps?", mistakes: mistakes))
        }

        // One step of gradient descent.
        let eta = config.learningRate
        for ((key, old), (_, g)) in zip(p.named, gradient.named) {
            let symbol = s.symbol(key)
            list.append(CheckableQuantity(
                name: "\(symbol)_new", value: old - eta * g, formula: "\(symbol)_new = \(symbol) − η·∂L/∂\(symbol)",
                dependencies: ["dL/d\(symbol)"], question: "did you use η = \(eta)?",
                mistakes: [
                    .init(value: old + eta * g, explanation: "you added η·∂L/∂\(symbol): gradient descent subtracts it"),
                    .init(value: old - g, explanation: "you left out the learning rate η = \(eta)"),
                ]))
        }
        return list
    }
}
