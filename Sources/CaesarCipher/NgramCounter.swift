import CaesarIO

/// Counts letter n-grams (orders 1, 2 and 4) over text fed in chunks, for building
/// ``NgramStatistics`` from a corpus of any size in constant memory.
///
/// N-grams run over the letter sequence of one document and never across two: call
/// ``endDocument()`` between files.
///
///     var counter = NgramCounter()
///     counter.add("The cat")            // letters t h e c a t
///     counter.quadgramTotal             // 3: thec, heca, ecat
public struct NgramCounter: Sendable {
    public private(set) var unigrams = [Int](repeating: 0, count: 26)
    public private(set) var bigrams = [Int](repeating: 0, count: 26 * 26)
    public private(set) var quadgrams = [Int](repeating: 0, count: 26 * 26 * 26 * 26)
    public private(set) var letterTotal = 0
    public private(set) var bigramTotal = 0
    public private(set) var quadgramTotal = 0
    /// The last three letters of the current document as a base-26 number.
    private var recent = 0
    /// Letters seen in the current document (capped at 3: that is all the context needs).
    private var run = 0

    public init() {}

    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            guard let letter = Letters.index(of: byte) else { continue }
            let x = Int(letter)
            unigrams[x] += 1
            letterTotal += 1
            if run >= 1 {
                bigrams[(recent % 26) * 26 + x] += 1
                bigramTotal += 1
            }
            if run >= 3 {
                quadgrams[recent * 26 + x] += 1
                quadgramTotal += 1
            }
            recent = (recent * 26 + x) % (26 * 26 * 26)
            run = min(run + 1, 3)
        }
    }

    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add($0) }
    }

    /// Starts a new document: the next letter begins fresh n-grams.
    public mutating func endDocument() {
        recent = 0
        run = 0
    }

    /// The counts as statistics, dropping quadgrams seen fewer than `minCount` times (letters
    /// and bigrams are few and always kept whole).
    ///
    /// Needs at least four letters in one document, so that every table has a total.
    public func statistics(quadgramMinCount minCount: Int = 1, notes: [String] = []) -> NgramStatistics {
        precondition(quadgramTotal > 0, "statistics need at least one quadgram (four letters in a row)")
        precondition(minCount >= 1, "min-count must be at least 1, got \(minCount)")
        return NgramStatistics(
            unigrams: .init(order: 1, counts: unigrams, total: letterTotal, minCount: 1),
            bigrams: .init(order: 2, counts: bigrams, total: bigramTotal, minCount: 1),
            quadgrams: .init(order: 4, counts: quadgrams.map { $0 >= minCount ? $0 : 0 }, total: quadgramTotal, minCount: minCount),
            notes: notes
        )
    }
}

extension NgramCounter {
    /// Counts every chunk of `input` as one document; returns the letters it held.
    @discardableResult
    public mutating func add(_ input: TextInput) throws -> Int {
        let before = letterTotal
        try input.forEachChunk { add($0) }
        endDocument()
        return letterTotal - before
    }
}
