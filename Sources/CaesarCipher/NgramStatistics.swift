#if canImport(Glibc)
import Glibc
#endif

/// Letter n-gram counts of a language (orders 1, 2 and 4), from which scorers take their
/// probabilities.
///
/// An n-gram is `n` consecutive letters of the case-folded letter sequence (see ``Letters``);
/// its index is the letters read as a base-26 number, so `tion` is
/// `19·26³ + 8·26² + 14·26 + 13`. Counts are kept dense: `26ⁿ` entries, 0 for an n-gram never
/// seen or pruned away.
///
/// Probabilities are relative frequencies, `count / total`. An n-gram with no count gets a
/// floor probability instead of 0 (one unseen quadgram must not veto a whole decryption); see
/// ``Table/floorCount``.
public struct NgramStatistics: Sendable, Equatable {
    /// The orders a statistics file holds: letters for χ² and unigram scoring, bigrams, quadgrams.
    public static let orders = [1, 2, 4]

    /// Counts of the n-grams of one order, kept as the n-grams that have one (a file read into
    /// memory takes space in proportion to the file, not to the 26^order n-grams there could be).
    public struct Table: Sendable, Equatable {
        public let order: Int
        /// The n-grams with a count, by base-26 value, ascending, and their counts.
        public let indices: [Int32]
        public let entryCounts: [Int]
        /// All n-grams counted in the corpus, pruned ones included: the denominator of every
        /// probability, so pruning does not inflate the probabilities of what is kept.
        public let total: Int
        /// N-grams counted fewer times than this were dropped from the file (1: none were).
        public let minCount: Int

        /// A table from `26^order` counts indexed by the n-gram's base-26 value (0 = unseen).
        public init(order: Int, counts: [Int], total: Int, minCount: Int) {
            precondition(counts.count == NgramStatistics.size(of: order), "a table of order \(order) has \(NgramStatistics.size(of: order)) counts, got \(counts.count)")
            let seen = counts.indices.filter { counts[$0] > 0 }
            self.init(order: order, indices: seen.map(Int32.init), counts: seen.map { counts[$0] }, total: total, minCount: minCount)
        }

        /// A table from the n-grams that have a count (`indices` ascending, counts positive).
        public init(order: Int, indices: [Int32], counts: [Int], total: Int, minCount: Int) {
            precondition(NgramStatistics.orders.contains(order), "n-gram order \(order) is not one of \(NgramStatistics.orders)")
            precondition(indices.count == counts.count && counts.allSatisfy { $0 > 0 }, "one positive count per index")
            precondition(total > 0 && minCount >= 1, "a table needs a positive total and a min-count ≥ 1")
            self.order = order
            self.indices = indices
            self.entryCounts = counts
            self.total = total
            self.minCount = minCount
        }

        /// `26^order` counts indexed by the n-gram's base-26 value; 0 = unseen or pruned.
        public var counts: [Int] {
            var dense = [Int](repeating: 0, count: NgramStatistics.size(of: order))
            for (index, count) in zip(indices, entryCounts) { dense[Int(index)] = count }
            return dense
        }

        /// How many n-grams have a count (the entries a file lists).
        public var entries: Int { indices.count }

        /// The count given to every n-gram the table has no count for: 0.01, the usual floor of
        /// practical quadgram scoring, 100 times rarer than an n-gram seen once.
        ///
        /// The same floor serves pruned tables: a larger one for n-grams that might have been
        /// seen up to `minCount − 1` times, such as `(minCount − 1) / 4`, measured slightly worse
        /// (`README.md`).
        public static let floorCount = 0.01

        /// Natural-log probability of every n-gram (`26^order` values, nats), absent ones at the
        /// floor.
        public func logProbabilities() -> [Double] {
            let logTotal = log(Double(total))
            let floor = log(Table.floorCount) - logTotal
            var result = [Double](repeating: floor, count: NgramStatistics.size(of: order))
            for (index, count) in zip(indices, entryCounts) { result[Int(index)] = log(Double(count)) - logTotal }
            return result
        }
    }

    public let unigrams: Table
    public let bigrams: Table
    public let quadgrams: Table
    /// Free-text lines that say where the counts come from (the file's `#` header).
    public let notes: [String]
    /// The temperature that calibrates each scorer's posterior on text of this language
    /// (``TemperatureScaling``), fitted by `caesar calibrate`; a scorer without one uses 1.
    public var temperatures: [ScoringMethod: TemperatureSchedule]

    public init(unigrams: Table, bigrams: Table, quadgrams: Table, notes: [String] = [], temperatures: [ScoringMethod: TemperatureSchedule] = [:]) {
        precondition(unigrams.order == 1 && bigrams.order == 2 && quadgrams.order == 4, "tables in the wrong slots")
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.quadgrams = quadgrams
        self.notes = notes
        self.temperatures = temperatures
    }

    /// The table of order 1, 2 or 4.
    public func table(order: Int) -> Table {
        switch order {
        case 1: return unigrams
        case 2: return bigrams
        case 4: return quadgrams
        default: preconditionFailure("n-gram order \(order) is not one of \(NgramStatistics.orders)")
        }
    }

    /// `26^order`, the number of possible n-grams.
    public static func size(of order: Int) -> Int {
        (0..<order).reduce(1) { r, _ in r * 26 }
    }
}
