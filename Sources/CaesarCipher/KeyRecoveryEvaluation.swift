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

        public var rate: Double { trials == 0 ? 0 : Double(correct) / Double(trials) }
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
    public init(documents: [[UInt8]], lengths: [Int] = standardLengths, trialsPerLength: Int, seed: UInt64, fixedKey: Int? = nil) throws {
        precondition(lengths.allSatisfy { $0 >= 1 } && Set(lengths).count == lengths.count, "lengths are positive and distinct")
        precondition(trialsPerLength >= 0, "trials cannot be negative")
        // Where each letter sits, per document (UInt32: a quarter of the memory of Int).
        let positions: [[UInt32]] = documents.map { document in
            precondition(document.count <= Int(UInt32.max), "a document is limited to 4 GiB")
            return document.indices.compactMap { Letters.index(of: document[$0]) == nil ? nil : UInt32($0) }
        }
        corpusLetters = positions.reduce(0) { $0 + $1.count }
        self.lengths = lengths
        var rng = SeededGenerator(seed: seed)
        var trials: [Trial] = []
        for n in lengths {
            let starts = positions.map { max(0, $0.count - n + 1) }
            let totalStarts = starts.reduce(0, +)
            guard totalStarts > 0 else { throw CipherError.corpusTooShort(letters: corpusLetters, needed: n) }
            for _ in 0..<trialsPerLength {
                let drawn = rng.uniformInt(below: 26)
                let key = fixedKey.map { (($0 % 26) + 26) % 26 } ?? drawn
                var start = rng.uniformInt(below: totalStarts)
                var d = 0
                while start >= starts[d] {  // find the document this start falls in
                    start -= starts[d]
                    d += 1
                }
                let span = Array(documents[d][Int(positions[d][start])...Int(positions[d][start + n - 1])])
                trials.append(Trial(letters: n, key: key, plaintext: span, ciphertext: CaesarShift(key: key).apply(to: span)))
            }
        }
        self.trials = trials
    }

    /// One result per length for a method given as a function from a trial to the key it
    /// recovers and its confidence in it (0...1).
    public func measure(_ method: String, recover: (Trial) -> (key: Int, confidence: Double)) -> [Result] {
        lengths.map { n in
            var correct = 0, confidence = 0.0, count = 0
            for trial in trials where trial.letters == n {
                let answer = recover(trial)
                if answer.key == trial.key { correct += 1 }
                confidence += answer.confidence
                count += 1
            }
            return Result(method: method, letters: n, trials: count, correct: correct, meanConfidence: count == 0 ? 0 : confidence / Double(count))
        }
    }

    /// One result per length for a classical cracker (its best key and that key's posterior).
    public func measure(_ cracker: Cracker) -> [Result] {
        measure(cracker.method.rawValue) { trial in
            let best = cracker.rank(Letters.indices(in: trial.ciphertext)).best
            return (best.key, best.posterior)
        }
    }
}
