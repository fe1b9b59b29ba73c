import CaesarRandom

/// How often a method recovers the key of a short ciphertext: random spans of held-out text
/// with exactly N letters, encrypted with random keys, drawn from a fixed seed so every method
/// (classical now, neural later) is measured on the very same trials.
///
///     let evaluation = try KeyRecoveryEvaluation(documents: [text], lengths: [5, 10], trialsPerLength: 1000, seed: 0)
///     let rows = evaluation.measure(Cracker(method: .quadgram, statistics: try .english()))
///     rows[0].rate   // share of 5-letter ciphertexts whose key came out right
public struct KeyRecoveryEvaluation: Sendable {
    /// The ciphertext lengths, in letters, of the standard table.
    public static let standardLengths = [5, 10, 15, 20, 30, 50, 100]

    /// One ciphertext to crack.
    public struct Trial: Sendable, Equatable {
        /// Letters in the span (its length in bytes is larger: spaces and punctuation count too).
        public let letters: Int
        /// The encryption key, 0...25.
        public let key: Int
        /// The span as it stands in the corpus: starts and ends with a letter.
        public let plaintext: [UInt8]
        public let ciphertext: [UInt8]
    }

    /// One row of the table: a method at one length.
    public struct Result: Sendable, Equatable, Codable {
        public let method: String
        public let letters: Int
        public let trials: Int
        /// Trials whose key came out right.
        public let correct: Int
        /// The mean confidence the method gave its answers, to set beside `rate` (calibration).
        public let meanConfidence: Double
        /// Trials the method refused to answer ("no plausible plaintext"); they count as not right.
        public var refused = 0
        /// The answers by confidence, in ten bins of width 0.1: what a reliability diagram draws.
        public var reliability: [ReliabilityBin] = []

        public var rate: Double { trials == 0 ? 0 : Double(correct) / Double(trials) }

        public init(method: String, letters: Int, trials: Int, correct: Int, meanConfidence: Double) {
            self.method = method
            self.letters = letters
            self.trials = trials
            self.correct = correct
            self.meanConfidence = meanConfidence
        }

        /// The row of `trials` trials: the answers given (right or not, how sure) and how many
        /// were refused.
        public init(method: String, letters: Int, answers: [(right: Bool, confidence: Double)], refused: Int) {
            self.init(method: method, letters: letters, trials: answers.count + refused, correct: answers.filter(\.right).count,
                      meanConfidence: answers.isEmpty ? 0 : answers.reduce(0) { $0 + $1.confidence } / Double(answers.count))
            self.refused = refused
            reliability = ReliabilityBin.bins(answers)
        }

        /// The expected calibration error: over the confidence bins, the gap between mean
        /// confidence and the share right, weighted by the bin's share of the answers. A
        /// calibrated method, one right 90% of the times it says 0.9, has 0.
        public var calibrationError: Double {
            let answered = reliability.reduce(0) { $0 + $1.count }
            guard answered > 0 else { return 0 }
            return reliability.reduce(0) { $0 + Double($1.count) / Double(answered) * abs($1.meanConfidence - $1.accuracy) }
        }

        /// Answers given with confidence ≥ 0.99, and the share of them that are right.
        public var sureAnswers: (count: Int, accuracy: Double) {
            guard let last = reliability.last, let sure = last.sure else { return (0, 1) }
            return (sure.count, sure.count == 0 ? 1 : Double(sure.correct) / Double(sure.count))
        }
    }

    /// Answers whose confidence fell in one bin, how sure they were and how often right.
    public struct ReliabilityBin: Sendable, Equatable, Codable {
        public let low: Double, high: Double
        public let count: Int
        public let meanConfidence: Double
        /// The share of the bin's answers that were right (0 when empty).
        public let accuracy: Double
        /// In the top bin: the answers at 0.99 or more, and how many were right.
        public let sure: Sure?

        public struct Sure: Sendable, Equatable, Codable {
            public let count: Int
            public let correct: Int
        }

        /// Ten bins of width 0.1 from (key right?, confidence) pairs.
        public static func bins(_ answers: [(right: Bool, confidence: Double)]) -> [ReliabilityBin] {
            (0..<10).map { b in
                let low = Double(b) / 10, high = Double(b + 1) / 10
                let inside = answers.filter { min(Int($0.confidence * 10), 9) == b }
                let sure = b == 9 ? inside.filter { $0.confidence >= 0.99 } : []
                return ReliabilityBin(
                    low: low, high: high, count: inside.count,
                    meanConfidence: inside.isEmpty ? 0 : inside.reduce(0) { $0 + $1.confidence } / Double(inside.count),
                    accuracy: inside.isEmpty ? 0 : Double(inside.filter(\.right).count) / Double(inside.count),
                    sure: b == 9 ? Sure(count: sure.count, correct: sure.filter(\.right).count) : nil)
            }
        }
    }

    /// Where a span may begin.
    public enum SpanStart: String, Sendable, Codable, CaseIterable {
        /// At any letter, also inside a word.
        case letter
        /// At the first letter of a word: a letter after anything but a letter, a digit, an
        /// accent, an apostrophe or a hyphen. Messages people write begin so.
        case word
    }

    /// All trials, grouped by length in the order of `lengths`.
    public let trials: [Trial]
    public let lengths: [Int]
    /// Letters in all documents together.
    public let corpusLetters: Int

    /// Draws `trialsPerLength` trials per length from `documents` (UTF-8 texts). Spans never
    /// cross from one document into the next; each start is uniform over all letters that
    /// have enough letters after them.
    ///
    /// The generator draws, for each length and trial in order, the key and then the start, so
    /// the same seed gives the same trials on every machine.
    /// With `fixedKey`, every trial uses that key instead (the spans stay those of the seed).
    /// `starts` says where spans begin, `keys` which keys are drawn (uniformly).
    public init(
        documents: [[UInt8]], lengths: [Int] = standardLengths, trialsPerLength: Int, seed: UInt64, fixedKey: Int? = nil,
        starts: SpanStart = .letter, keys: ClosedRange<Int> = 0...25
    ) throws {
        precondition(lengths.allSatisfy { $0 >= 1 } && Set(lengths).count == lengths.count, "lengths are positive and distinct")
        precondition(trialsPerLength >= 0, "trials cannot be negative")
        precondition(keys.lowerBound >= 0 && keys.upperBound <= 25, "keys are 0…25")
        // Where each letter sits, per document (UInt32: a quarter of the memory of Int).
        let positions: [[UInt32]] = documents.map { document in
            precondition(document.count <= Int(UInt32.max), "a document is limited to 4 GiB")
            return document.indices.compactMap { Letters.index(of: document[$0]) == nil ? nil : UInt32($0) }
        }
        // Which letters (by their number among the document's letters) may begin a span.
        let firsts: [[UInt32]] = zip(documents, positions).map { document, positions in
            switch starts {
            case .letter: return positions.indices.map(UInt32.init)
            case .word: return positions.indices.filter { Self.beginsWord(document, at: Int(positions[$0])) }.map(UInt32.init)
            }
        }
        corpusLetters = positions.reduce(0) { $0 + $1.count }
        self.lengths = lengths
        var rng = SeededGenerator(seed: seed)
        var trials: [Trial] = []
        for n in lengths {
            // A start needs n letters from it on: the first letters of the document's last n − 1 do not.
            let usable = zip(firsts, positions).map { firsts, positions in firsts.prefix { Int($0) + n <= positions.count }.count }
            let totalStarts = usable.reduce(0, +)
            guard totalStarts > 0 else { throw CipherError.corpusTooShort(letters: corpusLetters, needed: n) }
            for _ in 0..<trialsPerLength {
                let drawn = keys.lowerBound + rng.uniformInt(below: keys.count)
                let key = fixedKey.map { CaesarShift(key: $0).key } ?? drawn
                var start = rng.uniformInt(below: totalStarts)
                var d = 0
                while start >= usable[d] {  // find the document this start falls in
                    start -= usable[d]
                    d += 1
                }
                let first = Int(firsts[d][start])
                let span = Array(documents[d][Int(positions[d][first])...Int(positions[d][first + n - 1])])
                trials.append(Trial(letters: n, key: key, plaintext: span, ciphertext: CaesarShift(key: key).apply(to: span)))
            }
        }
        self.trials = trials
    }

    /// The same trials with every ASCII letter replaced by a random one (case kept): text in
    /// the shape of the corpus that is no language, to see whether a method says so.
    public func randomizingLetters(seed: UInt64) -> KeyRecoveryEvaluation {
        var random = SeededGenerator(seed: seed)
        let shuffled = trials.map { trial -> Trial in
            let noise = trial.plaintext.map { byte -> UInt8 in
                guard Letters.index(of: byte) != nil else { return byte }
                return (byte & 0x20) | (UInt8(ascii: "A") + UInt8(random.uniformInt(below: 26)))
            }
            return Trial(letters: trial.letters, key: trial.key, plaintext: noise, ciphertext: CaesarShift(key: trial.key).apply(to: noise))
        }
        return KeyRecoveryEvaluation(trials: shuffled, lengths: lengths, corpusLetters: corpusLetters)
    }

    private init(trials: [Trial], lengths: [Int], corpusLetters: Int) {
        self.trials = trials
        self.lengths = lengths
        self.corpusLetters = corpusLetters
    }

    /// Whether the ASCII letter at `offset` begins a word: the scalar before it is none of a
    /// letter, a digit, a mark, an apostrophe or a hyphen (or there is none).
    static func beginsWord(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset > 0 else { return true }
        var lead = offset - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }  // back over continuation bytes
        var iterator = bytes[lead..<offset].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return true }
        let p = scalar.properties
        if p.isAlphabetic || p.numericType != nil { return false }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .dashPunctuation: return false
        default: return !["'", "\u{2019}", "\u{00AD}"].contains(scalar)
        }
    }

    /// One result per length for a method given as a function from a trial to the key it
    /// recovers and its confidence in it (0...1).
    public func measure(_ method: String, recover: (Trial) throws -> (key: Int, confidence: Double)) rethrows -> [Result] {
        try measure(method, answer: { trial -> (key: Int, confidence: Double)? in try recover(trial) })
    }

    /// The same for a method that may refuse a trial (nil: "no plausible plaintext").
    public func measure(_ method: String, answer answerOf: (Trial) throws -> (key: Int, confidence: Double)?) rethrows -> [Result] {
        try lengths.map { n in
            var answers: [(right: Bool, confidence: Double)] = [], refused = 0
            for trial in trials where trial.letters == n {
                guard let answer = try answerOf(trial) else {
                    refused += 1
                    continue
                }
                answers.append((answer.key == trial.key, answer.confidence))
            }
            return Result(method: method, letters: n, answers: answers, refused: refused)
        }
    }

    /// One result per length for a classical cracker (its best key and that key's posterior).
    public func measure(_ cracker: Cracker) -> [Result] {
        measure(cracker.method.rawValue, recover: { trial in
            let best = cracker.rank(Letters.indices(in: trial.ciphertext)).best
            return (best.key, best.posterior)
        })
    }

    /// One result per length for any ranker: its best key and that key's posterior, or a
    /// refusal when it finds no plausible plaintext.
    public func measure(_ ranker: any KeyRanker) throws -> [Result] {
        try measure(ranker.name, answer: { trial in
            let ranking = try ranker.rank(String(decoding: trial.ciphertext, as: UTF8.self))
            return ranking.hasPlausiblePlaintext ? (ranking.best.key, ranking.best.posterior) : nil
        })
    }
}
