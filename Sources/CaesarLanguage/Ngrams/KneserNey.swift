import CaesarText
import Foundation

/// Interpolated Kneser–Ney smoothing with modified discounts (Chen & Goodman, 1998), the
/// standard for n-gram language models:
///
///     P(w | h) = max(c(hw) − D(c), 0) / c(h•)  +  γ(h) · P(w | h′)
///
/// where h′ is h without its oldest token, c are the counts of ``NgramCounts`` (raw at the
/// top order, continuation counts below), and the discount D depends on the count: D₁ for
/// n-grams seen once, D₂ twice, D₃₊ more often, each estimated from how many n-grams of the
/// order were seen 1, 2, 3 and 4 times. What the discounts take from the seen successors of h
/// is exactly what the lower order is weighted with:
///
///     γ(h) = (D₁·N₁(h•) + D₂·N₂(h•) + D₃₊·N₃₊(h•)) / c(h•)
///
/// so every P(• | h) sums to 1. The lowest order backs off to the uniform distribution over
/// the 29 tokens a model predicts (a–z, `.`, `[sep]`, `[end]`).
///
/// Pruning drops rare n-grams (count below `minimumCounts` for their order) and renormalizes:
/// a context's backoff weight becomes whatever makes its distribution sum to 1 again,
///
///     γ(h) = (1 − Σ_{w kept} P(w | h)) / (1 − Σ_{w kept} P(w | h′)),
///
/// which without pruning is the γ above. The result is stored in backoff form (each kept
/// n-gram's P(w | h), each context's γ), as an ``NgramLanguageModel``.
public struct KneserNey: Sendable {
    /// D₁, D₂, D₃₊ for each order (index 0: order 1).
    public let discounts: [[Double]]
    /// The model: probabilities and backoff weights of the kept n-grams and contexts.
    public let model: NgramLanguageModel

    /// The tokens a model predicts: everything but `[start]` (given) and `[pad]`.
    public static let predicted: [UInt8] = (0..<28).map(UInt8.init) + [UInt8(Token.end.index)]

    /// Estimates a model from `counts`. `minimumCounts[m − 1]` is the smallest count an
    /// m-gram needs to be kept (orders beyond the list take its last value; 1 keeps all).
    public init(_ counts: NgramCounts, minimumCounts: [Int] = [1], metadata: [String: String] = [:]) {
        precondition(!minimumCounts.isEmpty && minimumCounts.allSatisfy { $0 >= 1 }, "minimum counts are at least 1")
        var orders = counts.counted()
        let N = counts.order
        // Every predicted token is a unigram, seen or not.
        var unigrams = Dictionary(uniqueKeysWithValues: zip(orders[0].keys, orders[0].counts))
        for t in Self.predicted where unigrams[PackedNgram.pack([t])] == nil { unigrams[PackedNgram.pack([t])] = 0 }
        orders[0].keys = unigrams.keys.sorted()
        orders[0].counts = orders[0].keys.map { unigrams[$0]! }

        // 1. Interpolated probabilities, order by order.
        discounts = orders.map { Self.discounts($0.counts) }
        var probabilities: [[Double]] = []
        for (m, o) in orders.enumerated() {
            let D = discounts[m]
            var p = [Double](repeating: 0, count: o.keys.count)
            var first = 0
            while first < o.keys.count {  // one context at a time: its successors are contiguous
                let context = PackedNgram.context(o.keys[first])
                var last = first
                var total = 0.0, n = [0.0, 0.0, 0.0, 0.0]
                while last < o.keys.count && PackedNgram.context(o.keys[last]) == context {
                    let c = Int(o.counts[last])
                    total += Double(c)
                    if c > 0 { n[min(c, 3)] += 1 }
                    last += 1
                }
                let gamma = total > 0 ? (D[1] * n[1] + D[2] * n[2] + D[3] * n[3]) / total : 1
                for k in first..<last {
                    let c = Int(o.counts[k])
                    let lower = m == 0
                        ? 1 / Double(Self.predicted.count)
                        : probabilities[m - 1][Self.index(of: PackedNgram.suffix(o.keys[k], m), in: orders[m - 1].keys)!]
                    p[k] = (total > 0 ? max(Double(c) - D[min(c, 3)], 0) / total : 0) + gamma * lower
                }
                first = last
            }
            probabilities.append(p)
        }

        // 2. Pruning, then suffix closure: a kept n-gram keeps every shorter n-gram it ends with,
        //    so that its context's path exists in the model.
        var kept = orders.map { [Bool](repeating: true, count: $0.keys.count) }
        for m in stride(from: N - 1, through: 1, by: -1) {
            let minimum = UInt32(minimumCounts[min(m, minimumCounts.count - 1)])
            for k in orders[m].keys.indices where orders[m].counts[k] < minimum { kept[m][k] = false }
        }
        for m in stride(from: N - 1, through: 1, by: -1) {
            for k in orders[m].keys.indices where kept[m][k] {
                kept[m - 1][Self.index(of: PackedNgram.suffix(orders[m].keys[k], m), in: orders[m - 1].keys)!] = true
            }
        }

        // 3. Backoff weights by renormalization, shortest contexts first (each needs the
        //    model of the orders below it, complete).
        var builder = NgramLanguageModel.Builder(order: N)
        for (m, o) in orders.enumerated() {
            var first = 0
            while first < o.keys.count {
                let context = PackedNgram.context(o.keys[first])
                var last = first
                var successors: [(UInt8, Double)] = []
                var keptMass = 0.0, lower = 0.0
                while last < o.keys.count && PackedNgram.context(o.keys[last]) == context {
                    if kept[m][last] {
                        let w = PackedNgram.newest(o.keys[last])
                        successors.append((w, probabilities[m][last]))
                        keptMass += probabilities[m][last]
                        if m > 0 { lower += exp(builder.logProbability(of: w, context: PackedNgram.context(PackedNgram.suffix(o.keys[last], m)))) }
                    }
                    last += 1
                }
                if !successors.isEmpty {
                    let gamma = m == 0 || 1 - lower <= 1e-12 ? 1 : max(1 - keptMass, 1e-12) / (1 - lower)
                    builder.add(context: context, length: m, successors: successors, backoff: gamma)
                }
                first = last
            }
        }
        var meta = metadata
        meta["discounts"] = discounts.map { $0[1...].map { String(format: "%.4f", $0) }.joined(separator: " ") }.joined(separator: "; ")
        meta["tokens"] = String(counts.tokens)
        meta["sentences"] = String(counts.sentences)
        meta["minimum_counts"] = minimumCounts.map(String.init).joined(separator: ",")
        model = builder.model(metadata: meta)
    }

    /// D₁, D₂, D₃₊ from the count-of-counts n₁…n₄ (index 0 unused: a count of 0 loses nothing).
    static func discounts(_ counts: [UInt32]) -> [Double] {
        var n = [Double](repeating: 0, count: 5)
        for c in counts where c >= 1 && c <= 4 { n[Int(c)] += 1 }
        guard n[1] > 0, n[2] > 0, n[3] > 0, n[4] > 0 else { return [0, 0.5, 1, 1.5] }  // too few counts to estimate
        let y = n[1] / (n[1] + 2 * n[2])
        return [0, 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]].map { max($0, 0) }
    }

    /// The position of `key` in the sorted `keys`.
    static func index(of key: UInt64, in keys: [UInt64]) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }
}

extension NgramLanguageModel {
    /// A model of `order` estimated from sentences (their content, without `[start]` and
    /// `[end]`), pruned by `minimumCounts` (see ``KneserNey``).
    public static func estimate(
        sentences: [[UInt8]], order: Int, minimumCounts: [Int] = [1], metadata: [String: String] = [:]
    ) throws -> NgramLanguageModel {
        var counts = NgramCounts(order: order), shapes = NgramCounts(order: order)
        for sentence in sentences {
            counts.add(sentence: sentence[...])
            shapes.add(sentence: NoiseModel.skeleton(sentence)[...])
        }
        guard counts.tokens >= 100 else { throw LanguageModelError.corpusTooSmall(tokens: counts.tokens, needed: 100) }
        let skeleton = KneserNey(shapes).model
        return KneserNey(counts, minimumCounts: minimumCounts, metadata: metadata).model.with(skeleton: skeleton)
    }

    /// The sentences as the sequences a model scores: `[start]` content `[end]` each.
    public static func sequences(_ sentences: [[UInt8]]) -> [[UInt8]] {
        sentences.map { [UInt8(Token.start.index)] + $0 + [UInt8(Token.end.index)] }
    }
}
