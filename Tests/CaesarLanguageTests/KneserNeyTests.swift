import CaesarText
import Foundation
import Testing

@testable import CaesarLanguage

/// The n-gram model against a plain reference: interpolated modified Kneser–Ney computed
/// straight from its definition, with dictionaries of counts, for every context of a small corpus.
@Suite struct KneserNeyTests {
    static let s = UInt8(Token.start.index), e = UInt8(Token.end.index), sep = UInt8(27)

    /// Sentences over a few letters: a, b, c, [sep], '.'.
    static let corpus: [[UInt8]] = [
        [0, 1, 2, sep, 0, 1, 26], [1, 0, sep, 2, 2], [0, 1, sep, 0, 1, 2], [2, sep, 1, 0, 1], [0, 0, 1, 26, 26],
        [1, 2, sep, 2, 1, 0], [0, 1, 2, sep, 1], [2, 2, sep, 0],
    ]

    static func counts(order: Int) -> NgramCounts {
        var counts = NgramCounts(order: order)
        for sentence in corpus { counts.add(sentence: sentence[...]) }
        return counts
    }

    @Test(arguments: [2, 3, 4])
    func theTrieGivesTheDefinitionsProbabilities(order: Int) {
        let model = KneserNey(Self.counts(order: order)).model
        let reference = ReferenceKneserNey(order: order, sentences: Self.corpus)
        // Every history that occurs, and some that do not, with every predicted token.
        let w = LanguageModelContext.wordStart
        var histories: [[UInt8]] = [[Self.s], [Self.s, 2, 2, 2], [Self.s, 25, 0], [Self.s, 0, 1, Self.sep, 2], [w], [w, 0, 1], [w, 2, Self.sep]]
        for sentence in Self.corpus {
            let full = [Self.s] + sentence
            for i in 1...full.count { histories.append(Array(full[..<i])) }
        }
        for history in histories {
            var total = 0.0
            for w in KneserNey.predicted {
                let expected = reference.probability(of: w, history: history)
                let actual = history.withUnsafeBufferPointer { exp(Double(model.logProbability(of: w, history: $0))) }
                #expect(abs(actual - expected) <= 1e-6 * expected, "P(\(w) | \(history)): \(actual), expected \(expected)")
                total += actual
            }
            #expect(abs(total - 1) < 1e-5, "P(• | \(history)) sums to \(total)")
        }
    }

    /// Pruned, every distribution still sums to one (the backoff weights renormalize).
    @Test func aPrunedModelIsStillADistribution() {
        let model = KneserNey(Self.counts(order: 4), minimumCounts: [1, 2, 2, 3]).model
        let full = KneserNey(Self.counts(order: 4)).model
        #expect(model.ngramCount < full.ngramCount)
        for sentence in Self.corpus {
            let tokens = [Self.s] + sentence
            for i in 1...tokens.count {
                let total = KneserNey.predicted.reduce(0.0) { sum, w in
                    sum + tokens[..<i].withUnsafeBufferPointer { exp(Double(model.logProbability(of: w, history: $0))) }
                }
                #expect(abs(total - 1) < 1e-5)
            }
        }
    }

    /// The modified discounts follow Chen and Goodman's estimate from the counts of counts.
    @Test func discountsComeFromTheCountsOfCounts() {
        // n1 = 4, n2 = 2, n3 = 2, n4 = 1: Y = 4 / 8 = 0.5.
        let d = KneserNey.discounts([1, 1, 1, 1, 2, 2, 3, 3, 4, 7])
        let y = 0.5
        let d1: Double = 1 - 2 * y * 2 / 4, d2: Double = 2 - 3 * y * 2 / 2, d3: Double = 3 - 4 * y * 1 / 2
        #expect(d == [0, d1, d2, d3])  // 0.5, 0.5, 2
    }
}

/// Interpolated modified Kneser–Ney, written from the formulas with no cleverness: counts in
/// dictionaries keyed by token arrays, probabilities by recursion.
struct ReferenceKneserNey {
    let order: Int
    /// counts[m][gram]: raw at the top order, continuation counts below (raw after [start]).
    var counts: [[[UInt8]: Int]]
    var discounts: [[Double]] = []

    init(order: Int, sentences: [[UInt8]]) {
        self.order = order
        let s = UInt8(Token.start.index), e = UInt8(Token.end.index)
        let word = LanguageModelContext.wordStart
        var raw = [[[UInt8]: Int]](repeating: [:], count: order + 1)
        for sentence in sentences {
            let t = [s] + sentence + [e]
            for i in 1..<t.count {
                for m in 1...order where i - m + 1 >= 0 { raw[m][Array(t[(i - m + 1)...i]), default: 0] += 1 }
            }
            // Every word again after the word-start context: [word] w₁, [word] w₁ w₂, … up to the order.
            let content = sentence + [e]
            for j in sentence.indices where j == 0 || sentence[j - 1] == 27 {
                for m in 2...order where j + m - 2 < content.count { raw[m][[word] + Array(content[j...(j + m - 2)]), default: 0] += 1 }
            }
        }
        counts = raw
        for m in 1..<order {
            var continuation: [[UInt8]: Int] = [:]
            for gram in raw[m + 1].keys where gram[0] != word { continuation[Array(gram.dropFirst()), default: 0] += 1 }
            for gram in raw[m].keys { counts[m][gram] = gram[0] == s || gram[0] == word ? raw[m][gram]! : continuation[gram]! }
        }
        discounts = (0...order).map { m in m == 0 ? [] : KneserNey.discounts(counts[m].values.map(UInt32.init)) }
    }

    func probability(of w: UInt8, history: [UInt8]) -> Double {
        let start = history.lastIndex(of: UInt8(Token.start.index)) ?? 0
        return p(w, Array(history[start...].suffix(order - 1)))
    }

    private func p(_ w: UInt8, _ h: [UInt8]) -> Double {
        let m = h.count + 1
        let lower = m == 1 ? 1 / Double(KneserNey.predicted.count) : p(w, Array(h.dropFirst()))
        let successors = counts[m].filter { Array($0.key.dropLast()) == h }
        let total = Double(successors.values.reduce(0, +))
        guard total > 0 else { return lower }
        let D = discounts[m]
        let n = (1...3).map { k in Double(successors.values.filter { min($0, 3) == k }.count) }
        let gamma = (D[1] * n[0] + D[2] * n[1] + D[3] * n[2]) / total
        let c = counts[m][h + [w]] ?? 0
        return max(Double(c) - D[min(c, 3)], 0) / total + gamma * lower
    }
}
