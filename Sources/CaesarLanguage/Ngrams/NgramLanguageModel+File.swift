import CaesarIO
import CaesarNeural

/// An n-gram model on disk: safetensors (the same container as the networks), the trie's
/// arrays as tensors, what it is in the metadata.
///
/// | tensor | dtype, shape | what |
/// |---|---|---|
/// | `contexts_per_depth` | U32 (N) | how many contexts of each length 0…N−1 (1 of length 0) |
/// | `child_mask` | U32 (contexts) | per context, the tokens that extend it one step into the past |
/// | `successor_mask` | U32 (contexts) | per context, the tokens w with a stored P(w \| context) |
/// | `log_backoff` | F16 (contexts) | ln γ(context) |
/// | `log_probability` | F16 (n-grams) | ln P(w \| context), context by context, w in token order |
///
/// Bit t of a mask stands for token t (``CaesarText/Token``). Where each context's children
/// and successors begin is not stored: reading adds up the masks' population counts, and
/// checks on the way that every count, mask and value is one a model can have, so nothing a
/// damaged file holds can send a lookup out of bounds. Half precision keeps three significant
/// digits of each logarithm (an error below 0.1% in a probability), at half the size.
extension NgramLanguageModel {
    public static let format = "caesar-ngram-lm"
    public static let version = 1
    /// Files above this are refused before reading.
    public static let maximumSize = 1 << 30

    /// Context tokens (bits a child mask may hold): letters, `.`, `[sep]`, `[start]`, and the
    /// word-start context (``LanguageModelContext/wordStart``).
    static let contextTokenMask: UInt32 = ((1 << 29) - 1) | (1 << 30)
    /// Predicted tokens (bits a successor mask may hold): letters, `.`, `[sep]`, `[end]`.
    static let predictedTokenMask: UInt32 = ((1 << 28) - 1) | (1 << 29)

    public func safeTensors() -> SafeTensors {
        var meta = metadata
        meta["format"] = Self.format
        meta["format_version"] = String(Self.version)
        meta["order"] = String(order)
        meta["skeleton_order"] = skeleton.map { String($0.order) }
        return SafeTensors(metadata: meta, tensors: tensors(prefix: "") + (skeleton?.tensors(prefix: Self.skeletonPrefix) ?? []))
    }

    /// The skeleton's tensors are the model's, named `skeleton.child_mask` and so on.
    static let skeletonPrefix = "skeleton."
    static let tensorNames = ["contexts_per_depth", "child_mask", "successor_mask", "log_backoff", "log_probability"]

    func tensors(prefix: String) -> [SafeTensors.Tensor] {
        let counts = (0..<order).map { UInt32(depthStarts[$0 + 1] - depthStarts[$0]) }
        return [
            SafeTensors.tensor(prefix + "contexts_per_depth", shape: [order], integers: counts),
            SafeTensors.tensor(prefix + "child_mask", shape: [nodes.count], integers: nodes.map(\.childMask)),
            SafeTensors.tensor(prefix + "successor_mask", shape: [nodes.count], integers: nodes.map(\.successorMask)),
            SafeTensors.tensor(prefix + "log_backoff", shape: [nodes.count], halfPrecision: nodes.map { max($0.logBackoff, -60000) }),
            SafeTensors.tensor(prefix + "log_probability", shape: [logProbabilities.count], halfPrecision: logProbabilities.map { max($0, -60000) }),
        ]
    }

    /// Writes the file atomically.
    public func save(to path: String) throws {
        try AtomicFile.write(safeTensors().serialized(), to: path)
    }

    public static func load(from path: String) throws -> NgramLanguageModel {
        let bytes = try AtomicFile.read(path, limit: maximumSize)
        do {
            return try NgramLanguageModel(SafeTensors(bytes: bytes))
        } catch let error as SafeTensorsError {
            throw LanguageModelError.invalidFile(path: path, reason: "\(error)")
        } catch let reason as InvalidModel {
            throw LanguageModelError.invalidFile(path: path, reason: reason.reason)
        }
    }

    struct InvalidModel: Error {
        let reason: String
    }

    /// Validates a parsed file and lays out the trie.
    public convenience init(_ file: SafeTensors) throws {
        func invalid(_ reason: String) -> InvalidModel { InvalidModel(reason: reason) }
        let meta = file.metadata
        guard meta["format"] == Self.format else {
            throw invalid("its format is \(meta["format"].map { "'\($0)'" } ?? "not given"), not '\(Self.format)'")
        }
        guard let version = meta["format_version"].flatMap(Int.init), (1...Self.version).contains(version) else {
            throw invalid("format version \(meta["format_version"] ?? "none") is not one this caesar reads (1…\(Self.version))")
        }
        func readOrder(_ key: String) throws -> Int? {
            guard let text = meta[key] else { return nil }
            guard let order = Int(text), (2...10).contains(order) else { throw invalid("its \(key) '\(text)' is not 2…10") }
            return order
        }
        guard let order = try readOrder("order") else { throw invalid("it gives no order") }
        let skeletonOrder = try readOrder("skeleton_order")
        let names = Self.tensorNames + (skeletonOrder == nil ? [] : Self.tensorNames.map { Self.skeletonPrefix + $0 })
        if let extra = file.tensors.first(where: { !names.contains($0.name) }) { throw invalid("unexpected tensor '\(extra.name)'") }
        var metadata = meta
        for key in ["format", "format_version", "order", "skeleton_order"] { metadata[key] = nil }
        let skeleton = try skeletonOrder.map { try Self.trie(file, prefix: Self.skeletonPrefix, order: $0, metadata: [:]) }
        let model = try Self.trie(file, prefix: "", order: order, metadata: metadata)
        self.init(order: order, nodes: model.nodes, depthStarts: model.depthStarts, logProbabilities: model.logProbabilities,
                  metadata: metadata, skeleton: skeleton)
    }

    /// The trie whose tensors' names begin with `prefix`, checked through.
    static func trie(_ file: SafeTensors, prefix: String, order: Int, metadata: [String: String]) throws -> NgramLanguageModel {
        func invalid(_ reason: String) -> InvalidModel { InvalidModel(reason: prefix.isEmpty ? reason : "its skeleton: " + reason) }
        func tensor(_ name: String) throws -> SafeTensors.Tensor {
            guard let t = file[prefix + name], t.shape.count == 1 else { throw invalid("tensor '\(prefix + name)' is missing or not a vector") }
            return t
        }
        let perDepth = try tensor("contexts_per_depth").unsignedIntegers().map(Int.init)
        let children = try tensor("child_mask").unsignedIntegers()
        let successors = try tensor("successor_mask").unsignedIntegers()
        let backoffs = try tensor("log_backoff").floats()
        let values = try tensor("log_probability").floats()
        let count = children.count
        guard perDepth.count == order, perDepth.first == 1, perDepth.allSatisfy({ $0 >= 1 }), perDepth.reduce(0, +) == count,
              successors.count == count, backoffs.count == count
        else { throw invalid("its context counts do not match its arrays") }

        var nodes: [Node] = []
        nodes.reserveCapacity(count)
        var depthStarts = [0]
        var nextChild = 1, nextSuccessor = 0
        for d in 0..<order {
            let start = depthStarts[d], end = start + perDepth[d]
            depthStarts.append(end)
            for i in start..<end {
                guard children[i] & ~Self.contextTokenMask == 0, d < order - 1 || children[i] == 0 else {
                    throw invalid("context \(i) has children no context of its length can have")
                }
                guard successors[i] & ~Self.predictedTokenMask == 0, i > 0 || successors[i] == Self.predictedTokenMask else {
                    throw invalid("context \(i) predicts tokens no model predicts")
                }
                guard backoffs[i].magnitude <= 100 else { throw invalid("context \(i) has a backoff weight of e^\(backoffs[i])") }
                nodes.append(Node(childMask: children[i], firstChild: UInt32(nextChild), successorMask: successors[i],
                                  firstSuccessor: UInt32(nextSuccessor), logBackoff: backoffs[i]))
                nextChild += children[i].nonzeroBitCount
                nextSuccessor += successors[i].nonzeroBitCount
            }
            guard nextChild == (d + 1 < order ? end + perDepth[d + 1] : end) else {
                throw invalid("the contexts of length \(d) have \(nextChild - end) children, not \(d + 1 < order ? perDepth[d + 1] : 0)")
            }
        }
        guard nextSuccessor == values.count else { throw invalid("its contexts have \(nextSuccessor) successors, not \(values.count)") }
        if let bad = values.firstIndex(where: { $0 > 0.01 }) { throw invalid("probability \(bad) is e^\(values[bad]), above 1") }
        return NgramLanguageModel(order: order, nodes: nodes, depthStarts: depthStarts, logProbabilities: values, metadata: metadata)
    }
}
