/// The recurrent cell of a layer.
public enum CellKind: String, Codable, Sendable, CaseIterable {
    /// Elman's RNN with tanh, as `torch.nn.RNN`: h = tanh(W_ih·x + b_ih + W_hh·h₋₁ + b_hh).
    case rnn
    /// The LSTM of `torch.nn.LSTM`, gates in the order i, f, g, o.
    case lstm

    /// Rows of W_ih per hidden unit: 1 for the RNN, 4 (i, f, g, o) for the LSTM.
    public var gatesPerUnit: Int { self == .lstm ? 4 : 1 }
}

/// The shape of a many-to-many network: one-hot input, a stack of recurrent layers (each
/// optionally bidirectional), and a linear output head applied at every step.
///
/// Letters used for shapes throughout: `T` steps, `B` batch, `V` input vocabulary,
/// `H` hidden units per direction, `D` = directions·H (a layer's output width), `O` outputs.
public struct Architecture: Equatable, Hashable, Codable, Sendable, CustomStringConvertible {
    public var cell: CellKind
    /// V: size of the one-hot input (31 for the caesar vocabulary).
    public var inputSize: Int
    /// H: hidden units per direction.
    public var hiddenSize: Int
    public var layers: Int
    public var bidirectional: Bool
    /// O: outputs per step (31 classes for the decrypter).
    public var outputSize: Int

    public init(cell: CellKind, inputSize: Int, hiddenSize: Int, layers: Int = 1, bidirectional: Bool = false, outputSize: Int) {
        precondition(inputSize > 0 && hiddenSize > 0 && layers > 0 && outputSize > 0, "sizes must be positive")
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.bidirectional = bidirectional
        self.outputSize = outputSize
    }

    public var directions: Int { bidirectional ? 2 : 1 }
    /// D: the width of a layer's output, both directions side by side.
    public var layerOutputSize: Int { directions * hiddenSize }
    /// Rows of W_ih and W_hh: G = gatesPerUnit·H.
    public var gateRows: Int { cell.gatesPerUnit * hiddenSize }

    /// The input width of layer `l`: V for the first, D for the others.
    public func inputSize(ofLayer l: Int) -> Int { l == 0 ? inputSize : layerOutputSize }

    /// `lstm 2x256 bidirectional (31 → 31)`.
    public var description: String {
        "\(cell.rawValue) \(layers > 1 ? "\(layers)x" : "")\(hiddenSize)\(bidirectional ? " bidirectional" : "") (\(inputSize) → \(outputSize))"
    }
}
