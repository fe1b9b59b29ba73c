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
/// with G = 4H for the LSTM (gate blocks i, f, g, o) and G = H for the RNN. Many-to-many and
/// many-to-one networks have exactly these (O = 26 keys for the classifier). The
/// encoder–decoder has two stacks instead of `rnn`: `encoder.*` as above, and `decoder.*`,
/// an `nn.RNN/nn.LSTM(O, D, num_layers)` (one direction, D units, so G = 4D or D), then `out.*`.
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
        for stack in architecture.stacks {
            let g = stack.gateRows, h = stack.hiddenSize
            for layer in 0..<stack.layers {
                for direction in 0..<stack.directions {
                    let suffix = Self.suffix(layer: layer, direction: direction)
                    named.append(("\(stack.name).weight_ih_\(suffix)", [g, stack.inputSize(ofLayer: layer)]))
                    named.append(("\(stack.name).weight_hh_\(suffix)", [g, h]))
                    named.append(("\(stack.name).bias_ih_\(suffix)", [g]))
                    named.append(("\(stack.name).bias_hh_\(suffix)", [g]))
                }
            }
        }
        named.append(("out.weight", [architecture.outputSize, architecture.layerOutputSize]))
        named.append(("out.bias", [architecture.outputSize]))
        self.init(named)
    }

    /// PyTorch's suffix of a layer's tensors: `l0`, `l1_reverse`.
    static func suffix(layer: Int, direction: Int) -> String {
        "l\(layer)" + (direction == 1 ? "_reverse" : "")
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
