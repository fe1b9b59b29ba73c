/// Stochastic gradient descent, with optional momentum, as `torch.optim.SGD` (no dampening,
/// no Nesterov): v ← μ·v + g, θ ← θ − η·v (with μ = 0: θ ← θ − η·g).
public struct SGD<Scalar: NeuralScalar>: Optimizer {
    public var learningRate: Scalar
    public var momentum: Scalar
    public var state: [String: ParameterSet<Scalar>]
    public var steps = 0

    public init(layout: ParameterLayout, learningRate: Scalar, momentum: Scalar = 0) {
        precondition(learningRate > 0 && momentum >= 0 && momentum < 1, "learning rate > 0, 0 ≤ momentum < 1")
        self.learningRate = learningRate
        self.momentum = momentum
        state = momentum > 0 ? ["momentum_buffer": ParameterSet(layout: layout)] : [:]
    }

    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public mutating func step(_ parameters: inout ParameterSet<Scalar>, gradients: ParameterSet<Scalar>) {
        let n = parameters.values.count, lr = learningRate, mu = momentum
        parameters.values.withUnsafeMutableBufferPointer { theta in
            gradients.values.withUnsafeBufferPointer { g in
                if mu == 0 {
                    for k in 0..<n { theta[k] -= lr * g[k] }
                } else {
                    // PyTorch starts the buffer at the first gradient rather than at μ·0 + g (the same).
                    state["momentum_buffer"]!.values.withUnsafeMutableBufferPointer { v in
                        for k in 0..<n {
                            v[k] = mu * v[k] + g[k]
                            theta[k] -= lr * v[k]
                        }
                    }
                }
            }
        }
        steps += 1
    }
}
