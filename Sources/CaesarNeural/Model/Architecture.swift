/// The recurrent cell of a layer.
public enum CellKind: String, Codable, Sendable, CaseIterable {
    /// Elman's RNN with tanh, as `torch.nn.RNN`: h = tanh(W_ih·x + b_ih + W_hh·h₋₁ + b_hh).
    case rnn
    /// The LSTM of `torch.nn.LSTM`, gates in the order i, f, g, o.
    case lstm

    /// Rows of W_ih per hidden unit: 1 for the RNN, 4 (i, f, g, o) for the LSTM.
    public var gatesPerUnit: Int { self == .lstm ? 4 : 1 }
}

/// How a many-to-one network turns the top layer's T outputs into one vector (B, D).
public enum Pooling: String, Codable, Sendable, CaseIterable {
    /// The final states, PyTorch's `h_n` of the top layer: h at t = T−1 of the forward
    /// direction and, when bidirectional, h at t = 0 of the reverse one, side by side.
    case finalStates = "final"
    /// The mean of the top layer's outputs over the T steps.
    case mean
}

/// How a network's outputs line up with its inputs: the three classic recurrent setups.
public enum Setup: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// One output per input step, aligned with it (the decrypter): a head at every step.
    /// ``ManyToManyModel`` runs it, and the language model.
    case manyToMany
    /// One output per sequence (the key classifier): the top layer pooled, then a head.
    case manyToOne(Pooling)
    /// Sequence to sequence: an encoder reads the input; a decoder, started from the encoder's
    /// final states, writes the output one token at a time, reading the previous token.
    case encoderDecoder
    /// A language model (char-rnn): the many-to-many network of one direction, whose output
    /// at each step is the next input token. It learns P(text), not a decryption.
    case languageModel

    /// Every setup's ``name``.
    public static let names = ["many-to-many", "many-to-one", "encoder-decoder", "language-model"]

    /// The name in files and on the command line: `many-to-many`, `many-to-one`, `encoder-decoder`.
    public var name: String {
        switch self {
        case .manyToMany: return "many-to-many"
        case .manyToOne: return "many-to-one"
        case .encoderDecoder: return "encoder-decoder"
        case .languageModel: return "language-model"
        }
    }

    public var pooling: Pooling? {
        if case .manyToOne(let pooling) = self { return pooling }
        return nil
    }

    /// The setup named `name`; many-to-one needs its pooling, the others take none.
    public init?(name: String, pooling: Pooling?) {
        switch (name, pooling) {
        case ("many-to-many", nil): self = .manyToMany
        case ("many-to-one", let pooling?): self = .manyToOne(pooling)
        case ("encoder-decoder", nil): self = .encoderDecoder
        case ("language-model", nil): self = .languageModel
        default: return nil
        }
    }

    public var description: String { pooling.map { "\(name) (\($0.rawValue))" } ?? name }
}

/// The shape of a recurrent network: one-hot input, a stack of recurrent layers (each
/// optionally bidirectional), and a linear head, arranged in one of three ``Setup``s:
///
/// - many-to-many: the head at every step, O outputs per step;
/// - many-to-one: the head once per sequence, on the pooled top layer (O classes);
/// - encoder–decoder: the stack is the encoder; a unidirectional decoder of the same depth,
///   with D hidden units, reads the previous output token one-hot (O wide) and the head
///   writes O outputs per decoder step.
///
/// Letters used for shapes throughout: `T` steps, `B` batch, `V` input vocabulary,
/// `H` hidden units per direction, `D` = directions·H (a layer's output width), `O` outputs.
public struct Architecture: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var cell: CellKind
    /// V: size of the one-hot input (31 for the caesar vocabulary).
    public var inputSize: Int
    /// H: hidden units per direction (of the encoder, for the encoder–decoder).
    public var hiddenSize: Int
    public var layers: Int
    public var bidirectional: Bool
    /// O: outputs per step (31 tokens for the decrypter), or classes (26 keys for the classifier).
    public var outputSize: Int
    public var setup: Setup

    public init(
        cell: CellKind, inputSize: Int, hiddenSize: Int, layers: Int = 1, bidirectional: Bool = false, outputSize: Int,
        setup: Setup = .manyToMany
    ) {
        precondition(inputSize > 0 && hiddenSize > 0 && layers > 0 && outputSize > 0, "sizes must be positive")
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.bidirectional = bidirectional
        self.outputSize = outputSize
        self.setup = setup
    }

    public var directions: Int { bidirectional ? 2 : 1 }
    /// D: the width of a layer's output, both directions side by side.
    public var layerOutputSize: Int { directions * hiddenSize }
    /// Rows of W_ih and W_hh: G = gatesPerUnit·H.
    public var gateRows: Int { cell.gatesPerUnit * hiddenSize }

    /// The input width of layer `l`: V for the first, D for the others.
    public func inputSize(ofLayer l: Int) -> Int { l == 0 ? inputSize : layerOutputSize }

    /// One stack of recurrent layers: what one `torch.nn.LSTM`/`nn.RNN` module holds.
    public struct Stack: Equatable, Sendable {
        /// The prefix of its tensors' names: `rnn`, `encoder` or `decoder`.
        public let name: String
        public let cell: CellKind
        /// V: the one-hot input of the first layer.
        public let inputSize: Int
        /// H: hidden units per direction.
        public let hiddenSize: Int
        public let layers: Int
        public let directions: Int

        /// G = gatesPerUnit·H.
        public var gateRows: Int { cell.gatesPerUnit * hiddenSize }
        /// D = directions·H.
        public var outputSize: Int { directions * hiddenSize }
        /// V for the first layer, D for the others.
        public func inputSize(ofLayer l: Int) -> Int { l == 0 ? inputSize : outputSize }
    }

    /// The recurrent stacks in parameter order: `rnn`, or `encoder` then `decoder`.
    public var stacks: [Stack] {
        switch setup {
        case .manyToMany, .manyToOne, .languageModel:
            return [Stack(name: "rnn", cell: cell, inputSize: inputSize, hiddenSize: hiddenSize, layers: layers, directions: directions)]
        case .encoderDecoder:
            return [
                Stack(name: "encoder", cell: cell, inputSize: inputSize, hiddenSize: hiddenSize, layers: layers, directions: directions),
                // The decoder's layer l starts from the encoder's final state of layer l, both
                // directions side by side: so it has D units and one direction.
                Stack(name: "decoder", cell: cell, inputSize: outputSize, hiddenSize: layerOutputSize, layers: layers, directions: 1),
            ]
        }
    }

    /// `lstm 2x256 bidirectional (31 → 31)`; other setups than many-to-many are named:
    /// `lstm 64 bidirectional, many-to-one (final) (31 → 26)`.
    public var description: String {
        let shape = "\(cell.rawValue) \(layers > 1 ? "\(layers)x" : "")\(hiddenSize)\(bidirectional ? " bidirectional" : "")"
        let named = setup == .manyToMany ? "" : ", \(setup)"
        return shape + named + " (\(inputSize) → \(outputSize))"
    }
}

extension Architecture: Codable {
    private enum CodingKeys: String, CodingKey {
        case cell, inputSize, hiddenSize, layers, bidirectional, outputSize, setup, pooling
    }

    /// Configurations saved before setups existed have no `setup`: they are many-to-many.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decodeIfPresent(String.self, forKey: .setup) ?? Setup.manyToMany.name
        let pooling = try c.decodeIfPresent(Pooling.self, forKey: .pooling)
        guard let setup = Setup(name: name, pooling: pooling) else {
            throw DecodingError.dataCorruptedError(forKey: .setup, in: c, debugDescription: "bad setup '\(name)' with pooling \(pooling.map(\.rawValue) ?? "none")")
        }
        let sizes = try [CodingKeys.inputSize, .hiddenSize, .layers, .outputSize].map { try c.decode(Int.self, forKey: $0) }
        guard sizes.allSatisfy({ $0 > 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .inputSize, in: c, debugDescription: "sizes must be positive")
        }
        self.init(cell: try c.decode(CellKind.self, forKey: .cell), inputSize: sizes[0], hiddenSize: sizes[1], layers: sizes[2],
                  bidirectional: try c.decode(Bool.self, forKey: .bidirectional), outputSize: sizes[3], setup: setup)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cell, forKey: .cell)
        try c.encode(inputSize, forKey: .inputSize)
        try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(layers, forKey: .layers)
        try c.encode(bidirectional, forKey: .bidirectional)
        try c.encode(outputSize, forKey: .outputSize)
        try c.encode(setup.name, forKey: .setup)
        try c.encodeIfPresent(setup.pooling, forKey: .pooling)
    }
}
