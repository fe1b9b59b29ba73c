import CaesarText

/// Every n-gram of a corpus, counted the way Kneser–Ney smoothing needs them.
///
/// Sentences are counted separately, each as `[start]` content `[end]`: n-grams never reach
/// back past `[start]` (a sentence's first words are counted after `[start]` alone), and
/// `[start]` is context only, never predicted. For every predicted token one *longest* n-gram
/// is kept: the `order` tokens ending with it, or fewer when the sentence began less than
/// `order` tokens before. Every shorter n-gram that occurs is a suffix of one of these, so
/// their counts (sorted, with multiplicities) determine all the model's counts:
///
/// - the highest order uses **raw counts**: how often the n-gram occurred;
/// - lower orders use **continuation counts**, N₁₊(• g): how many different tokens came before
///   g. "Francisco" is frequent, but nearly always after "San": as a guess for a context never
///   seen, it should be rare. (An n-gram that begins with `[start]` has nothing before it and
///   keeps its raw count.)
///
/// Every word is counted a second time as the beginning of a message: after
/// ``LanguageModelContext/wordStart``, the context of a text that begins at a word whose
/// sentence we do not see. Those n-grams keep their raw counts too: they say how often each
/// word-initial string begins a word anywhere, which a message cut from the middle of a
/// sentence needs, and which the continuation counts after `[sep]` do not say.
public struct NgramCounts: Sendable {
    /// The longest n-grams counted (2…10).
    public let order: Int
    /// Predicted tokens counted: letters, `.`, `[sep]` and one `[end]` per sentence.
    public private(set) var tokens = 0
    public private(set) var sentences = 0
    /// One key per predicted token (``PackedNgram``), in corpus order until ``counted()``.
    private var longest: [UInt64] = []
    /// The n-grams after ``LanguageModelContext/wordStart``: one of each length up to the
    /// order for every word.
    private var afterWordStart: [UInt64] = []

    public init(order: Int) {
        precondition((2...10).contains(order), "an n-gram model has order 2…10, not \(order)")
        self.order = order
    }

    /// Adds the sentences of one token stream (``SentenceTokens``): each `[start]` … `[end]`.
    public mutating func add(sentence content: ArraySlice<UInt8>) {
        let mask = PackedNgram.mask(order)
        var key = PackedNgram.pack([UInt8(Token.start.index)])
        for t in content {
            precondition(t < 28, "sentence content is letters, '.' and [sep], not token \(t)")
            key = PackedNgram.appending(key, t) & mask
            longest.append(key)
        }
        key = PackedNgram.appending(key, UInt8(Token.end.index)) & mask
        longest.append(key)
        tokens += content.count + 1
        sentences += 1
        // Each word again, after the word-start context.
        let separator = UInt8(Token.separator.index), end = UInt8(Token.end.index)
        let first = content.startIndex, count = content.count
        for j in 0..<count where j == 0 || content[first + j - 1] == separator {
            var key = PackedNgram.pack([LanguageModelContext.wordStart])
            for i in j..<min(j + order - 1, count + 1) {
                key = PackedNgram.appending(key, i < count ? content[first + i] : end)
                afterWordStart.append(key)
            }
        }
    }

    /// The n-grams of one order with their counts, sorted by key (so grouped by context).
    public struct Order: Sendable {
        public let length: Int
        public var keys: [UInt64]
        /// Raw counts at the highest order, continuation counts below (raw after `[start]`).
        public var counts: [UInt32]
    }

    /// The counts of every order, 1…`order` (index 0 is order 1).
    public func counted() -> [Order] {
        // The longest n-grams, each distinct one with how often it occurred.
        let sorted = longest.sorted()
        var maximal: [(key: UInt64, count: UInt32)] = []
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            maximal.append((sorted[i], UInt32(j - i)))
            i = j
        }
        var orders: [Order] = []
        var above: [UInt64] = []  // the distinct n-grams one order up, sorted
        let start = UInt8(Token.start.index)
        let wordStarts = afterWordStart.sorted()
        for m in stride(from: order, through: 1, by: -1) {
            // Raw counts of the m-grams: the suffixes of the longest n-grams that reach m.
            let suffixes = maximal.compactMap { PackedNgram.length($0.key) >= m ? (PackedNgram.suffix($0.key, m), $0.count) : nil }
                .sorted { $0.0 < $1.0 }
            var keys: [UInt64] = [], raw: [UInt32] = []
            for (key, count) in suffixes {
                if keys.last == key { raw[raw.count - 1] += count } else { keys.append(key); raw.append(count) }
            }
            var counts = raw
            if m < order {
                // Continuation counts: the distinct (m+1)-grams ending in each m-gram.
                let extended = above.map { PackedNgram.suffix($0, m) }.sorted()
                var continuation = [UInt32](repeating: 0, count: keys.count)
                var k = 0
                for key in extended {
                    while keys[k] < key { k += 1 }  // every suffix occurs, so it is in `keys`
                    continuation[k] += 1
                }
                for k in keys.indices where PackedNgram.oldest(keys[k]) != start { counts[k] = continuation[k] }
            }
            // The n-grams after the word-start context, with their raw counts. (Not in `above`:
            // the context is not a token that came before the rest in the text.)
            var merged: [(key: UInt64, count: UInt32)] = zip(keys, counts).map { ($0, $1) }
            var i = 0
            while i < wordStarts.count {
                var j = i + 1
                while j < wordStarts.count && wordStarts[j] == wordStarts[i] { j += 1 }
                if PackedNgram.length(wordStarts[i]) == m { merged.append((wordStarts[i], UInt32(j - i))) }
                i = j
            }
            merged.sort { $0.key < $1.key }
            orders.append(Order(length: m, keys: merged.map(\.key), counts: merged.map(\.count)))
            above = keys
        }
        return orders.reversed()
    }
}
