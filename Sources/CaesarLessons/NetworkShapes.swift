/// What a character-level recurrent network looks like: enough to know every matrix's shape.
/// `caesar lesson shapes --model` makes one from a saved model's architecture.
public struct NetworkConfiguration: Equatable, Sendable, Codable {
    public enum Cell: String, CaseIterable, Sendable, Codable {
        case rnn, lstm

        /// Gate blocks stacked in W_x and W_h: 1 for an RNN, 4 (i, f, g, o) for an LSTM.
        public var gates: Int { self == .rnn ? 1 : 4 }
    }

    /// V, the number of symbols.
    public var vocabulary: Int
    /// E, the size of an embedding; `nil` feeds one-hot vectors of size V.
    public var embedding: Int?
    /// H, per layer and direction.
    public var hidden: Int
    public var layers: Int
    public var bidirectional: Bool
    public var cell: Cell
    /// T, for the shapes of whole sequences.
    public var steps: Int

    public init(vocabulary: Int, embedding: Int? = nil, hidden: Int, layers: Int = 1, bidirectional: Bool = false, cell: Cell, steps: Int) {
        precondition(vocabulary > 0 && hidden > 0 && layers > 0 && steps > 0 && (embedding ?? 1) > 0, "every size must be positive")
        self.vocabulary = vocabulary
        self.embedding = embedding
        self.hidden = hidden
        self.layers = layers
        self.bidirectional = bidirectional
        self.cell = cell
        self.steps = steps
    }

    /// The textbook example: V = 10, E = 15, H = 7, T = 5, a one-layer RNN.
    public static let textbookExample = NetworkConfiguration(vocabulary: 10, embedding: 15, hidden: 7, cell: .rnn, steps: 5)

    /// The project's own configurations: one-hot input over its 31 symbols.
    public static let presets: [(name: String, configuration: NetworkConfiguration)] = [
        ("rnn128", NetworkConfiguration(vocabulary: 31, hidden: 128, cell: .rnn, steps: 5)),
        ("lstm128", NetworkConfiguration(vocabulary: 31, hidden: 128, cell: .lstm, steps: 5)),
        ("lstm256", NetworkConfiguration(vocabulary: 31, hidden: 256, cell: .lstm, steps: 5)),
        ("lstm2x256", NetworkConfiguration(vocabulary: 31, hidden: 256, layers: 2, cell: .lstm, steps: 5)),
        ("bilstm128", NetworkConfiguration(vocabulary: 31, hidden: 128, bidirectional: true, cell: .lstm, steps: 5)),
    ]
}

/// Every matrix and vector of a network, with its shape in the equations (column vectors,
/// W·x) and as PyTorch stores it, and the parameter count as PyTorch counts it: per layer
/// and direction G·H·(in + H) weights plus two bias vectors of G·H (`bias_ih`, `bias_hh`),
/// with G = 4 gates for an LSTM; an embedding of V·E; and a Linear(D·H → V) with its bias.
///
///     let report = NetworkShapes(.textbookExample)
///     report.parameters.map(\.name)   // ["W_e", "W_x", "W_h", "b_x", "b_h", "W_y", "b_y"]
///     report.parameterCount           // 398
public struct NetworkShapes: Sendable, Encodable {
    /// One matrix or vector.
    public struct Tensor: Equatable, Sendable, Codable {
        /// Where it belongs: `embedding`, `layer 1`, `layer 1 reverse`, `output`, `step`, `sequence`.
        public let part: String
        /// The name in the equations: `W_x`, `h_t`.
        public let name: String
        public let rows: Int
        public let columns: Int
        /// Module and key as PyTorch saves it (`LSTM.weight_ih_l0`); parameters only.
        public let pytorchKey: String?
        public let pytorchShape: [Int]?
        public let note: String
        /// rows · columns, the parameters it holds.
        public let count: Int

        init(part: String, name: String, rows: Int, columns: Int, pytorchKey: String?, pytorchShape: [Int]?, note: String) {
            self.part = part
            self.name = name
            self.rows = rows
            self.columns = columns
            self.pytorchKey = pytorchKey
            self.pytorchShape = pytorchShape
            self.note = note
            count = rows * columns
        }
        /// `7×15`.
        public var shape: String { "\(rows)×\(columns)" }
    }

    public let configuration: NetworkConfiguration
    public private(set) var parameters: [Tensor]
    /// Vectors of one step and matrices of a whole sequence.
    public let activations: [Tensor]
    /// Each product at step t with its shapes: `(7×15)·(15×1) + …  → 7×1`.
    public let products: [String]
    /// The same products in their parts, for the terminal to lay out on lines of their own.
    let productParts: [Product]
    public let parameterCount: Int

    public init(_ c: NetworkConfiguration) {
        configuration = c
        let (V, H, G, T) = (c.vocabulary, c.hidden, c.cell.gates, c.steps)
        let directions = c.bidirectional ? 2 : 1
        let input = c.embedding ?? V
        let module = c.cell == .rnn ? "RNN" : "LSTM"
        let stacked = c.cell == .lstm ? " (i, f, g, o stacked)" : ""
        var parameters: [Tensor] = []
        var products: [Product] = []

        if let E = c.embedding {
            parameters.append(Tensor(part: "embedding", name: "W_e", rows: E, columns: V, pytorchKey: "Embedding.weight", pytorchShape: [V, E],
                                     note: "column k is the vector of symbol k"))
            products.append(Product(formula: "x_t = W_e·onehot_t", shapes: "(\(E)×\(V))·(\(V)×1) → \(E)×1",
                                    joiner: "   ", remark: "(PyTorch looks up row k instead)"))
        }
        for layer in 1...c.layers {
            let inputSize = layer == 1 ? input : directions * H
            for reverse in directions == 2 ? [false, true] : [false] {
                let part = "layer \(layer)" + (reverse ? " reverse" : "")
                let suffix = "_l\(layer - 1)" + (reverse ? "_reverse" : "")
                parameters += [
                    Tensor(part: part, name: "W_x", rows: G * H, columns: inputSize, pytorchKey: "\(module).weight_ih\(suffix)", pytorchShape: [G * H, inputSize], note: "input to hidden" + stacked),
                    Tensor(part: part, name: "W_h", rows: G * H, columns: H, pytorchKey: "\(module).weight_hh\(suffix)", pytorchShape: [G * H, H], note: "hidden to hidden" + stacked),
                    Tensor(part: part, name: "b_x", rows: G * H, columns: 1, pytorchKey: "\(module).bias_ih\(suffix)", pytorchShape: [G * H], note: "PyTorch keeps two biases"),
                    Tensor(part: part, name: "b_h", rows: G * H, columns: 1, pytorchKey: "\(module).bias_hh\(suffix)", pytorchShape: [G * H], note: "whose sum acts as one"),
                ]
            }
            let left = c.cell == .rnn ? "a_t" : "z_t"
            let shapes = "(\(G * H)×\(inputSize))·(\(inputSize)×1) + (\(G * H)×\(H))·(\(H)×1) + \(G * H)×1 + \(G * H)×1 → \(G * H)×1"
            var remark = c.cell == .lstm ? "cut into i, f, g, o of \(H)×1" : ""
            if layer < c.layers { remark += (remark.isEmpty ? "" : "; ") + "its h_t is the next layer's x_t" }
            products.append(Product(formula: "layer \(layer): \(left) = W_x·x_t + W_h·h_{t−1} + b_x + b_h", shapes: shapes,
                                    joiner: c.cell == .lstm ? ", " : "; ", remark: remark))
        }
        let top = directions * H
        parameters += [
            Tensor(part: "output", name: "W_y", rows: V, columns: top, pytorchKey: "Linear.weight", pytorchShape: [V, top], note: "hidden to scores"),
            Tensor(part: "output", name: "b_y", rows: V, columns: 1, pytorchKey: "Linear.bias", pytorchShape: [V], note: ""),
        ]
        products.append(Product(formula: "ŷ_t = W_y·h_t + b_y", shapes: "(\(V)×\(top))·(\(top)×1) + \(V)×1 → \(V)×1"))

        var activations: [Tensor] = []
        let step = { (name: String, rows: Int, note: String) in
            activations.append(Tensor(part: "step", name: name, rows: rows, columns: 1, pytorchKey: nil, pytorchShape: nil, note: note))
        }
        if c.embedding != nil { step("onehot_t", V, "symbol t as a one-hot vector") }
        step("x_t", input, c.embedding == nil ? "one-hot input" : "embedding of symbol t")
        if c.cell == .lstm {
            step("z_t", G * H, "pre-activations of i, f, g, o")
            step("i_t, f_t, g_t, o_t", H, "one each")
            step("c_t", H, "cell state" + (c.bidirectional ? ", per direction" : ""))
        } else {
            step("a_t", H, "pre-activation" + (c.bidirectional ? ", per direction" : ""))
        }
        step("h_t", H, "hidden state" + (c.bidirectional ? ", per direction" : "") + (c.layers > 1 ? ", per layer" : ""))
        if c.bidirectional { step("[h→_t; h←_t]", top, "both directions, stacked") }
        step("ŷ_t", V, "scores (logits), one per symbol")
        step("p_t", V, "softmax(ŷ_t), probabilities")
        let sequence = { (name: String, columns: Int, note: String) in
            activations.append(Tensor(part: "sequence", name: name, rows: T, columns: columns, pytorchKey: nil, pytorchShape: nil, note: note))
        }
        sequence("X", input, "one x_t per row")
        sequence("H", top, "the last layer's h_t, one per row")
        sequence("Ŷ", V, "one ŷ_t per row")

        self.parameters = parameters
        self.activations = activations
        self.products = products.map(\.line)
        productParts = products
        parameterCount = parameters.reduce(0) { $0 + $1.count }
    }

    /// The same shapes with the keys a model file uses for its parameters, which name each
    /// module by its attribute (`rnn.weight_ih_l0`, `out.weight`) rather than by its type.
    ///
    /// - Precondition: `keys` are these parameters in this order, with these PyTorch shapes.
    public func naming(_ keys: [(name: String, shape: [Int])]) -> NetworkShapes {
        precondition(keys.count == parameters.count && zip(keys, parameters).allSatisfy { $0.shape == $1.pytorchShape },
                     "the keys \(keys.map(\.name)) do not name these \(parameters.count) parameters")
        var named = self
        named.parameters = zip(parameters, keys).map { t, key in
            Tensor(part: t.part, name: t.name, rows: t.rows, columns: t.columns, pytorchKey: key.name, pytorchShape: t.pytorchShape, note: t.note)
        }
        return named
    }

    /// Parameter counts by part, in order: `embedding 150, layer 1 168, output 80`.
    public var countsByPart: [(part: String, count: Int)] {
        var counts: [(part: String, count: Int)] = []
        for tensor in parameters {
            if counts.last?.part == tensor.part { counts[counts.count - 1].count += tensor.count } else { counts.append((tensor.part, tensor.count)) }
        }
        return counts
    }

    /// A product at step t: its formula, the shapes multiplied and added, and a remark.
    struct Product: Sendable {
        let formula: String
        let shapes: String
        /// What joins the remark to the shapes on one line (`", "`).
        var joiner = ""
        var remark = ""

        /// The product on one line: `ŷ_t = W_y·h_t + b_y: (10×7)·(7×1) + 10×1 → 10×1`.
        var line: String { "\(formula): \(shapes)" + (remark.isEmpty ? "" : joiner + remark) }
    }

    private enum CodingKeys: String, CodingKey {
        case configuration, parameters, activations, products, parameterCount
    }
}
