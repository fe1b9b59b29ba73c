import CaesarCipher
import CaesarText
import Foundation

/// A character n-gram language model in backoff form, stored as a trie of contexts read
/// backwards, so that one walk finds every context of a token at once.
///
/// The model stores P(w | h) for the n-grams it kept and a backoff weight γ(h) for each
/// context h it knows. For a history H, it finds the longest suffix h of H with a stored
/// P(w | h) and multiplies in the weights of the longer known contexts that do not have w:
///
///     P(w | H) = P(w | h) · Π γ(h̃)   over the known suffixes h̃ of H longer than h
///
/// (with the smoothing of ``KneserNey`` this is interpolated Kneser–Ney exactly, and still a
/// distribution after pruning). The trie holds one node per known context. The root is the
/// empty context; a node's children are the contexts one token longer *into the past*
/// ("e" → "he" → "the"), so walking from the root along the history, newest token first,
/// meets the suffixes of H in order of length and stops where the model knows no longer one:
///
///     history "[start] t h e" → root → "e" → "he" → "the" → "[start] the"
///
/// A node keeps its children and its successors (the tokens w with a stored P(w | h)) as
/// 32-bit masks over the token indices, and where they begin in the arrays of the next depth
/// and of probabilities: child x of a node is at `firstChild + popcount(childMask below bit x)`.
/// A step is a few loads and a population count; scoring the 26 decryptions of a 20-letter
/// message takes tens of microseconds (`caesar bench crack`).
public final class NgramLanguageModel: @unchecked Sendable {
    /// One known context.
    struct Node {
        var childMask: UInt32 = 0
        var firstChild: UInt32 = 0
        var successorMask: UInt32 = 0
        var firstSuccessor: UInt32 = 0
        /// ln γ(h), natural log.
        var logBackoff: Float = 0
    }

    /// The longest n-grams: order − 1 tokens of context.
    public let order: Int
    /// Nodes, depth by depth (the root is node 0); `depthStarts[d]` is the first node of depth
    /// d, `depthStarts[order]` the node count.
    let nodes: [Node]
    let depthStarts: [Int]
    /// ln P(w | h) of each node's successors, node by node, in token order.
    let logProbabilities: [Float]
    /// What the file says about the model: language, corpus, how it was built.
    public let metadata: [String: String]
    /// The text's shape without its letters: the same kind of model over sentences in which
    /// every letter is `a`. It knows how long words and sentences run, and is what random
    /// letters in the shape of text look like (``NoiseModel``).
    public let skeleton: NgramLanguageModel?

    init(order: Int, nodes: [Node], depthStarts: [Int], logProbabilities: [Float], metadata: [String: String], skeleton: NgramLanguageModel? = nil) {
        self.order = order
        self.nodes = nodes
        self.depthStarts = depthStarts
        self.logProbabilities = logProbabilities
        self.metadata = metadata
        self.skeleton = skeleton
    }

    /// The same model with `skeleton` as its skeleton.
    func with(skeleton: NgramLanguageModel) -> NgramLanguageModel {
        NgramLanguageModel(order: order, nodes: nodes, depthStarts: depthStarts, logProbabilities: logProbabilities, metadata: metadata, skeleton: skeleton)
    }

    /// The same model with other metadata.
    func with(metadata: [String: String]) -> NgramLanguageModel {
        NgramLanguageModel(order: order, nodes: nodes, depthStarts: depthStarts, logProbabilities: logProbabilities, metadata: metadata, skeleton: skeleton)
    }

    /// The same model recording another calibration temperature (`caesar calibrate`).
    public func recording(temperature: TemperatureSchedule, command: String? = nil) -> NgramLanguageModel {
        var metadata = metadata
        metadata[TemperatureScaling.metadataKey] = temperature.description
        metadata[TemperatureScaling.commandKey] = command
        return with(metadata: metadata)
    }

    /// The temperature fitted when the model was built (``Calibration``), or 1.
    public var calibrationTemperature: TemperatureSchedule {
        TemperatureScaling.recorded(metadata[TemperatureScaling.metadataKey])
    }

    /// How many n-grams it stores (P(w | h) values), of every order.
    public var ngramCount: Int { logProbabilities.count }
    /// How many contexts it knows (trie nodes, the empty one included).
    public var contextCount: Int { nodes.count }

    /// ln P(w | history), `history` being the tokens before w since (and with) the last
    /// `[start]`, oldest first. Only its last order − 1 tokens matter.
    @inline(__always)
    func logProbability(of w: UInt8, history: UnsafeBufferPointer<UInt8>) -> Float {
        nodes.withUnsafeBufferPointer { nodes in
            logProbabilities.withUnsafeBufferPointer { values in
                let wBit = UInt32(1) << UInt32(w), below = wBit &- 1
                var node = nodes[0]
                var best = values[Int(node.firstSuccessor) + (node.successorMask & below).nonzeroBitCount]
                var backoff: Float = 0
                var i = history.count - 1
                var depth = 1
                while depth < order && i >= 0 {
                    let xBit = UInt32(1) << UInt32(history[i])
                    guard node.childMask & xBit != 0 else { break }
                    node = nodes[Int(node.firstChild) + (node.childMask & (xBit &- 1)).nonzeroBitCount]
                    if node.successorMask & wBit != 0 {
                        best = values[Int(node.firstSuccessor) + (node.successorMask & below).nonzeroBitCount]
                        backoff = 0
                    } else {
                        backoff += node.logBackoff
                    }
                    i -= 1
                    depth += 1
                }
                return best + backoff
            }
        }
    }

    /// Collects contexts and successors during estimation (``KneserNey``), answers the
    /// queries estimation needs, and lays the trie out at the end.
    struct Builder {
        let order: Int
        /// Per context length: context key → its successors' probabilities and its γ.
        var contexts: [[UInt64: (successors: [(token: UInt8, probability: Double)], backoff: Double)]]

        init(order: Int) {
            self.order = order
            contexts = Array(repeating: [:], count: order)
        }

        mutating func add(context: UInt64, length: Int, successors: [(UInt8, Double)], backoff: Double) {
            contexts[length][context] = (successors.map { (token: $0.0, probability: $0.1) }, backoff)
        }

        /// ln P(w | context) under the model as built so far.
        func logProbability(of w: UInt8, context: UInt64) -> Double {
            let length = context == 0 ? 0 : PackedNgram.length(context)
            let lower = length == 0 ? nil : PackedNgram.suffix(context, length - 1)
            guard let entry = contexts[length][context] else { return logProbability(of: w, context: lower!) }
            if let found = entry.successors.first(where: { $0.token == w }) { return lnOrMinusInfinity(found.probability) }
            guard let lower else { return -.infinity }
            return lnOrMinusInfinity(entry.backoff) + logProbability(of: w, context: lower)
        }

        /// The trie: nodes depth by depth, each depth's nodes sorted by parent, then by the
        /// token that extends the parent's context into the past.
        func model(metadata: [String: String]) -> NgramLanguageModel {
            var nodes: [Node] = [], depthStarts: [Int] = [], values: [Float] = []
            var indexOf: [UInt64: Int] = [0: 0]  // context key → node index
            for length in 0..<order {
                depthStarts.append(nodes.count)
                // Parent-major order: the parent's node index, then the token that extends it.
                let keys = length == 0 ? [0] : contexts[length].keys.sorted { a, b in
                    let pa = indexOf[PackedNgram.suffix(a, length - 1)]!, pb = indexOf[PackedNgram.suffix(b, length - 1)]!
                    return pa != pb ? pa < pb : PackedNgram.oldest(a) < PackedNgram.oldest(b)
                }
                let first = nodes.count
                for (k, key) in keys.enumerated() {
                    if length > 0 {  // link the parent to this child
                        let parent = indexOf[PackedNgram.suffix(key, length - 1)]!
                        if nodes[parent].childMask == 0 { nodes[parent].firstChild = UInt32(first + k) }
                        nodes[parent].childMask |= UInt32(1) << UInt32(PackedNgram.oldest(key))
                    }
                    indexOf[key] = first + k
                }
                for key in keys {
                    let entry = contexts[length][key] ?? (successors: [], backoff: 1)
                    var node = Node()
                    node.firstSuccessor = UInt32(values.count)
                    for s in entry.successors.sorted(by: { $0.token < $1.token }) {
                        node.successorMask |= UInt32(1) << UInt32(s.token)
                        values.append(Float(lnOrMinusInfinity(s.probability)))
                    }
                    node.logBackoff = Float(lnOrMinusInfinity(entry.backoff))
                    nodes.append(node)
                }
            }
            depthStarts.append(nodes.count)
            return NgramLanguageModel(order: order, nodes: nodes, depthStarts: depthStarts, logProbabilities: values, metadata: metadata)
        }
    }
}

/// The natural logarithm, −∞ for 0.
func lnOrMinusInfinity(_ x: Double) -> Double { x > 0 ? Foundation.log(x) : -.infinity }
