#if canImport(Glibc)
import Glibc
#endif

/// The nonlinearity φ of a recurrent step, h = φ(a), with its derivative φ′(a).
///
///     Activation.tanh(0.7)                     // 0.6043677771171636
///     Activation.sigmoid.derivative(at: 0)     // 0.25, the largest a sigmoid ever passes back
///     Activation.relu.derivative(at: 0)        // 0, PyTorch's choice at the kink
public enum Activation: String, CaseIterable, Sendable, Codable {
    case tanh
    case sigmoid
    case relu
    case identity

    public func callAsFunction(_ a: Double) -> Double {
        switch self {
        case .tanh: return Glibc.tanh(a)
        case .sigmoid: return 1 / (1 + exp(-a))
        case .relu: return max(0, a)
        case .identity: return a
        }
    }

    /// φ′(a), computed from `a` itself (not from a rounded h).
    public func derivative(at a: Double) -> Double {
        switch self {
        case .tanh:
            let h = Glibc.tanh(a)
            return 1 - h * h
        case .sigmoid:
            let h = self(a)
            return h * (1 - h)
        case .relu: return a > 0 ? 1 : 0
        case .identity: return 1
        }
    }

    /// How h_t = φ(a_t) is written: `tanh(a_3)`, `σ(a_3)`, `relu(a_3)`, `a_3`.
    public func applied(to argument: String) -> String {
        switch self {
        case .tanh: return "tanh(\(argument))"
        case .sigmoid: return "σ(\(argument))"
        case .relu: return "relu(\(argument))"
        case .identity: return argument
        }
    }

    /// φ′ the way learners write it, in terms of the output where that is shorter:
    /// `1 − h_3²` for tanh, `h_3·(1 − h_3)` for the sigmoid.
    public func derivativeFormula(output h: String, input a: String) -> String {
        switch self {
        case .tanh: return "(1 − \(h)²)"
        case .sigmoid: return "\(h)·(1 − \(h))"
        case .relu: return "[\(a) > 0]"
        case .identity: return "1"
        }
    }
}
