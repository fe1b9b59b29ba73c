/// Where each named tensor of a model lives in its flat parameter buffer.
///
/// Names and shapes are those of PyTorch's `state_dict` for a module holding
/// `rnn = nn.RNN/nn.LSTM(V, H, num_layers, bidirectional)` and `out = nn.Linear(D, O)`,
/// in the same order, so a model file moves between the two unchanged:
///
/// | name | shape |
/// |---|---|
/// | `rnn.weight_ih_l{k}[_reverse]` | (G, in) |
/// | `rnn.weight_hh_l{k}[_reverse]` | (G, H) |
/// | `rnn.bias_ih_l{k}[_reverse]` | (G) |
/// | `rnn.bias_hh_l{k}[_reverse]` | (G) |
/// | `out.weight` | (O, D) |
/// | `out.bias` | (O) |
///
/// with G = 4H for the LSTM (gate blocks i, f, g, o) and G = H for the RNN.
public struct ParameterLayout: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let shape: [Int]
        public let offset: Int
        public var count: Int { shape.reduce(1, *) }
        public var range: Range<Int> { offset..<(offset + count) }
    }

    public let entries: [Entry]
    public let totalCount: Int
    private let indexByName: [String: Int]

    public init(_ named: [(name: String, shape: [Int])]) {
        var entries: [Entry] = []
        var offset = 0
        for (name, shape) in named {
            entries.append(Entry(name: name, shape: shape, offset: offset))
            offset += shape.reduce(1, *)
        }
        self.entries = entries
        self.totalCount = offset
        self.indexByName = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
    }

    public init(_ architecture: Architecture) {
        var named: [(String, [Int])] = []
        let g = architecture.gateRows, h = architecture.hiddenSize
        for layer in 0..<architecture.layers {
            for direction in 0..<architecture.directions {
                let suffix = "l\(layer)" + (direction == 1 ? "_reverse" : "")
                named.append(("rnn.weight_ih_\(suffix)", [g, architecture.inputSize(ofLayer: layer)]))
                named.append(("rnn.weight_hh_\(suffix)", [g, h]))
                named.append(("rnn.bias_ih_\(suffix)", [g]))
                named.append(("rnn.bias_hh_\(suffix)", [g]))
            }
        }
        named.append(("out.weight", [architecture.outputSize, architecture.layerOutputSize]))
        named.append(("out.bias", [architecture.outputSize]))
        self.init(named)
    }

    public subscript(name: String) -> Entry? {
        indexByName[name].map { entries[$0] }
    }

    /// The entry for `name`; a missing name is a programmer mistake.
    func entry(_ name: String) -> Entry {
        guard let entry = self[name] else { preconditionFailure("no tensor named \(name)") }
        return entry
    }
}
