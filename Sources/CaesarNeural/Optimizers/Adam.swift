import Foundation

/// Adam (Kingma & Ba, 2015) exactly as `torch.optim.Adam` computes it (no weight decay,
/// no AMSGrad):
///
///     m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// The bias corrections undo the moments' start at zero; the operations follow PyTorch's
/// order so single-precision results track it closely.
public struct Adam<Scalar: NeuralScalar>: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var state: [String: ParameterSet<Scalar>]
    public var steps = 0

    public init(layout: ParameterLayout, learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        precondition(learningRate > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && epsilon > 0,
                     "Adam needs η > 0, 0 ≤ β < 1, ε > 0")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        state = ["exp_avg": ParameterSet(layout: layout), "exp_avg_sq": ParameterSet(layout: layout)]
    }

    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func step(_ parameters: inout ParameterSet<Scalar>, gradients: ParameterSet<Scalar>) {
        steps += 1
        let t = Double(steps)
        let stepSize = Scalar(learningRate / (1 - pow(beta1, t)))
        let correction2Root = Scalar((1 - pow(beta2, t)).squareRoot())
        let b1 = Scalar(beta1), b2 = Scalar(beta2), eps = Scalar(epsilon)
        let n = parameters.values.count
        var m = state["exp_avg"]!, v = state["exp_avg_sq"]!
        state = [:]  // hand the buffers over without a copy
        parameters.values.withUnsafeMutableBufferPointer { theta in
            gradients.values.withUnsafeBufferPointer { g in
                m.values.withUnsafeMutableBufferPointer { m in
                    v.values.withUnsafeMutableBufferPointer { v in
                        for k in 0..<n {
                            m[k] += (g[k] - m[k]) * (1 - b1)  // torch: exp_avg.lerp_(grad, 1 − β₁)
                            v[k] = v[k] * b2 + (1 - b2) * g[k] * g[k]
                            let denominator = v[k].squareRoot() / correction2Root + eps
                            theta[k] -= stepSize * m[k] / denominator
                        }
                    }
                }
            }
        }
        state = ["exp_avg": m, "exp_avg_sq": v]
    }
}
