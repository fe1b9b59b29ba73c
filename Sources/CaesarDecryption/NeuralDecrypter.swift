import CaesarCipher
import CaesarNeural
import CaesarText
import Foundation

/// A trained model used as a cipher breaker, whatever its setup.
///
/// Every setup gives each of the 26 keys a score, a log-likelihood (``CiphertextReader``):
/// the many-to-many network from its per-character probabilities, the key classifier from its
/// posterior over keys, the encoder–decoder from how likely its decoder finds each key's
/// plaintext. The best key wins, its confidence is the softmax of the scores over the 26 keys
/// (the posterior under a uniform prior, as for the n-gram scorers), taken at the temperature
/// the file records (`calibration_temperature`, fitted by `caesar calibrate`), and the text is decrypted
/// exactly by rotating its letters, which keeps case, accents, punctuation and spacing.
/// ``Decryption/raw`` keeps the model's own answer, for teaching.
public final class NeuralDecrypter {
    public let file: ModelFile
    /// The network: a ``ManyToManyModel``, ``KeyClassifier`` or ``EncoderDecoder``.
    public let model: any TrainableModel<Float>
    /// Characters per window: the training windows' length (the model saw [start], this many
    /// characters, [end]).
    public let windowLength: Int
    /// Score the keys on all 26 rotations of the ciphertext and add up the evidence (see
    /// ``scores(_:)``): 26 readings instead of one, steadier on short texts. On by default for
    /// many-to-many models trained on every key; a model trained for one key has no symmetry
    /// between keys to average over.
    public var rotations: Bool
    /// What calibrates the confidence (``TemperatureScaling``): the file's
    /// `calibration_temperature`, or 1 when it records none.
    public var temperature: TemperatureSchedule
    /// The key the model was trained for, when it was trained for one (`cipher_key`).
    public var trainedKey: Int? { file.metadata["cipher_key"].flatMap(Int.init) }
    let pipeline: TextPipeline
    private let reader: any CiphertextReader

    /// Checks that `file` holds a decrypter: one-hot input over the 31 tokens, and 31 outputs
    /// (26 keys for the classifier).
    public init(file: ModelFile, path: String, threads: Int = 2) throws {
        let a = file.architecture
        guard a.setup != .languageModel else {
            throw DecryptionError.notADecrypter(path: path, reason: "it is a language model, which scores plaintext rather than decrypting; give it to 'caesar crack --lm'")
        }
        let outputs = a.setup.pooling == nil ? Token.count : 26
        guard a.inputSize == Token.count, a.outputSize == outputs else {
            throw DecryptionError.notADecrypter(
                path: path, reason: "it maps \(a.inputSize) inputs to \(a.outputSize) outputs, not \(Token.count) to \(outputs)")
        }
        self.file = file
        let model = makeTrainableModel(architecture: a, parameters: file.parameters, threads: threads)
        let windowLength = Self.trainedWindowLength(file) ?? 62
        switch model {
        case let manyToMany as ManyToManyModel<Float>:
            reader = ManyToManyReader(model: manyToMany, windowLength: windowLength, batchLimit: CiphertextWindows.batchLimit(threads: threads))
        case let classifier as KeyClassifier<Float>:
            reader = KeyClassifierReader(model: classifier, windowLength: windowLength, batchLimit: CiphertextWindows.batchLimit(threads: threads))
        case let seq2seq as EncoderDecoder<Float>: reader = EncoderDecoderReader(model: seq2seq, windowLength: windowLength)
        default: preconditionFailure("no reader for \(type(of: model))")
        }
        self.model = model
        self.windowLength = windowLength
        rotations = a.setup == .manyToMany && file.metadata["cipher_key"].flatMap(Int.init) == nil
        temperature = TemperatureScaling.recorded(file.metadata[TemperatureScaling.metadataKey])
        pipeline = try TextPipeline(options: .init(sentences: .none))
    }

    public convenience init(path: String, threads: Int = 2) throws {
        try self.init(file: ModelFile.load(from: path), path: path, threads: threads)
    }

    /// One decrypted text.
    public struct Decryption: Sendable {
        public let ranking: KeyRanking
        /// The input rotated back by the best key: exact, with everything but a–z untouched.
        public let plaintext: String
        /// The model's own output (``rawIndices``), written back into the text with its case,
        /// punctuation and spacing (see `RestorationRecord`) when it has one token per token of
        /// the text, else as plain lowercase text.
        public let raw: String
        /// Of the letters, how many the model's own answer gets the same as the rotation.
        public let rawAgreement: Double
        /// The model's own output tokens (no [start] or [end]): the many-to-many network's most
        /// probable token at each text position, the classifier's rotation, or the
        /// encoder–decoder's greedy output, whose length may differ from the text's.
        public let rawIndices: [UInt8]
    }

    /// Ranks the keys, decrypts, and gives the model's own output. Holds the whole text.
    public func decrypt(_ text: String, source: String = "the text") throws -> Decryption {
        let encoding = try pipeline.encode(text)
        let content = Array(encoding.indices.dropFirst().dropLast())  // inside [start] … [end]
        let (ranking, output) = try read(tokens: content, source: source)
        let expected = rotated(content, back: ranking.best.key)
        var agree = 0, letters = 0
        for (t, token) in expected.enumerated() where token < 26 {
            letters += 1
            if t < output.count, output[t] == token { agree += 1 }
        }
        let raw = output.count == content.count
            ? encoding.record.restore(indices: [encoding.indices.first!] + output + [encoding.indices.last!])
            : TextDecoder.decode(indices: output)
        return Decryption(
            ranking: ranking, plaintext: CaesarShift(key: ranking.best.key).inverse.apply(to: text), raw: raw,
            rawAgreement: letters == 0 ? 0 : Double(agree) / Double(letters), rawIndices: output)
    }

    /// Ranks the keys for text already in tokens (content only, no [start] or [end]) and gives
    /// the model's own output tokens (see ``Decryption/rawIndices``).
    public func read(tokens content: [UInt8], source: String = "the text") throws -> (ranking: KeyRanking, raw: [UInt8]) {
        precondition(content.allSatisfy { $0 < Token.count }, "tokens are indices below \(Token.count)")
        let reading = reader.read(content, raw: true)
        return (try rank(content, scores(content, first: reading.scores), source: source), reading.raw!)
    }

    /// Ranks the 26 keys for UTF-8 text (a streamed prefix, say), holding only its tokens.
    public func rank(utf8 bytes: [UInt8], source: String = "the text") throws -> KeyRanking {
        let content = try contentTokens(utf8: bytes)
        return try rank(content, scores(content), source: source)
    }

    /// Ranks the keys of many UTF-8 texts, each on its own: their windows (and rotations) are
    /// read together, `textsPerPass` texts at a time, so the network multiplies matrices of many
    /// rows instead of one window's. Each text's result is what ``rank(utf8:source:)`` gives it,
    /// up to round-off (other batch shapes may sum in another order).
    public func rank(utf8 texts: [[UInt8]], sources: [String]) -> [Result<KeyRanking, any Error>] {
        precondition(texts.count == sources.count, "one source name per text")
        let contents = texts.map { bytes in Result { try contentTokens(utf8: bytes) } }
        var results: [Result<KeyRanking, any Error>] = []
        for first in stride(from: 0, to: contents.count, by: Self.textsPerPass) {
            let part = contents[first..<min(first + Self.textsPerPass, contents.count)]
            var scores = self.scores(part.compactMap { try? $0.get() }).makeIterator()
            for (content, source) in zip(part, sources[first...]) {
                results.append(Result { try rank(try content.get(), scores.next()!, source: source) })
            }
        }
        return results
    }

    /// Texts read in one pass by the batch ``rank(utf8:sources:)``: with 26 rotations each,
    /// 64 short messages fill 13 batches of 128 windows, and their per-position probabilities
    /// stay a few megabytes.
    static let textsPerPass = 64

    /// The pipeline's tokens of `bytes` without [start] and [end].
    private func contentTokens(utf8 bytes: [UInt8]) throws -> [UInt8] {
        let encoding = try bytes.withUnsafeBufferPointer { try pipeline.encode(utf8: $0) }
        return Array(encoding.indices.dropFirst().dropLast())
    }

    /// The 26 keys' scores. With ``rotations``, the ciphertext rotated back by j is itself a
    /// ciphertext, with key k − j: its scores, shifted back by j, are evidence about k too, and
    /// the 26 views' evidence is averaged (a network is never perfectly even-handed between
    /// keys; averaging over all rotations makes its judgment so by construction). `first` is
    /// the reading of the text itself when the caller has it already.
    func scores(_ content: [UInt8], first: [Double]? = nil) -> [Double] {
        scores([content], first: first.map { [$0] })[0]
    }

    /// The scores of several texts, all their readings in one call to the reader.
    func scores(_ contents: [[UInt8]], first: [[Double]]? = nil) -> [[Double]] {
        // Which texts are averaged over rotations; their 25 other rotations follow the texts.
        let rotating = contents.map { rotations && $0.contains(where: { $0 < 26 }) }
        var views = first == nil ? contents : []
        for (content, rotate) in zip(contents, rotating) where rotate {
            views += (1..<26).map { rotated(content, back: $0) }
        }
        let readings = views.isEmpty ? [] : reader.read(views, raw: false).map(\.scores)
        var own = (first ?? Array(readings.prefix(contents.count))).makeIterator()
        var others = readings.dropFirst(first == nil ? contents.count : 0).makeIterator()
        return rotating.map { rotate in
            var scores = own.next()!
            guard rotate else { return scores }
            for j in 1..<26 {
                let view = others.next()!
                for k in 0..<26 { scores[k] += view[Token.normalizedKey(k - j)] }
            }
            return scores.map { $0 / 26 }
        }
    }

    private func rank(_ content: [UInt8], _ scores: [Double], source: String) throws -> KeyRanking {
        let letters = content.filter { $0 < 26 }.count
        guard letters > 0 else { throw DecryptionError.noLetters(source: source) }
        return KeyRanking(method: "neural", statistics: scores, logLikelihoods: scores, lettersScored: letters, temperature: temperature.temperature(letters: letters))
    }

    /// The many-to-many network's log P(token | ciphertext) at every content position,
    /// (N × 31) row-major.
    public func logProbabilities(_ content: [UInt8]) -> [Float] {
        guard let manyToMany = reader as? ManyToManyReader else { preconditionFailure("per-position probabilities need a many-to-many model") }
        return manyToMany.logProbabilities([content])[0]
    }

    /// The content length of the windows the model was trained on, from its provenance.
    static func trainedWindowLength(_ file: ModelFile) -> Int? { file.trainedSequenceLength.map { $0 - 2 } }
}

extension NeuralDecrypter: KeyRanker {
    public var name: String { "neural" }

    public func rank(_ text: String, source: String, prefixLetters: Int) throws -> KeyRanking {
        try rank(utf8: Letters.prefix(of: Array(text.utf8), letters: prefixLetters), source: source)
    }

    public func rank(_ texts: [String], sources: [String], prefixLetters: Int) -> [Result<KeyRanking, any Error>] {
        rank(utf8: texts.map { Letters.prefix(of: Array($0.utf8), letters: prefixLetters) }, sources: sources)
    }
}
