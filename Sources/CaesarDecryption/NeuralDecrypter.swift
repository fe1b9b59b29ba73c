import CaesarCipher
import CaesarNeural
import CaesarText
import Foundation

/// A trained many-to-many model used as a cipher breaker.
///
/// The network reads the ciphertext's tokens and gives, at every position, a probability for
/// each of the 31 plaintext tokens. Taken one by one, those guesses need not agree on a key;
/// a Caesar message has exactly one. So each of the 26 keys is scored by the log-probability
/// the network gives the plaintext that key implies,
///
///     score(k) = Σ over ciphertext letters c_t of log P(plaintext_t = c_t − k | ciphertext),
///
/// the best key wins, its confidence is the softmax of the scores over the 26 keys (the
/// posterior under a uniform prior, as for the n-gram scorers), and the text is decrypted
/// exactly by rotating its letters, which keeps case, accents, punctuation and spacing.
/// ``Decryption/raw`` keeps the network's own per-character answer, for teaching.
public final class NeuralDecrypter {
    public let file: ModelFile
    public let model: SequenceModel<Float>
    /// Characters per window: the training windows' length (the model saw [start], this many
    /// characters, [end]).
    public let windowLength: Int
    /// The key the model was trained for, when it was trained for one (`cipher_key`).
    public var trainedKey: Int? { file.metadata["cipher_key"].flatMap(Int.init) }
    /// Score the keys on all 26 rotations of the ciphertext and add up the evidence (see
    /// ``rank(_:_:source:)``): 26 forward passes instead of one, steadier on short texts. On by
    /// default for models trained on every key; a model trained for one key has no symmetry
    /// between keys to average over.
    public var rotations: Bool
    let pipeline: TextPipeline

    /// Checks that `file` holds a decrypter: one-hot input and output over the 31 tokens,
    /// trained many-to-many.
    public init(file: ModelFile, path: String, threads: Int = 2) throws {
        let a = file.architecture
        guard a.inputSize == Token.count, a.outputSize == Token.count else {
            throw DecryptionError.notADecrypter(path: path, reason: "it maps \(a.inputSize) inputs to \(a.outputSize) outputs, not 31 to 31")
        }
        if let setup = file.metadata["setup"], setup != "many-to-many" {
            throw DecryptionError.notADecrypter(path: path, reason: "its setup is '\(setup)'")
        }
        self.file = file
        model = SequenceModel(architecture: a, parameters: file.parameters, threads: threads)
        windowLength = Self.trainedWindowLength(file) ?? 62
        rotations = file.metadata["cipher_key"].flatMap(Int.init) == nil
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
        /// The network's most probable token at each position, written back into the text
        /// with the original case, punctuation and spacing (see `RestorationRecord`).
        public let raw: String
        /// Of the letters, how many the network's own answer gets the same as the rotation.
        public let rawAgreement: Double
        /// The network's most probable token at each text position (no [start] or [end]).
        public let rawIndices: [UInt8]
    }

    /// Ranks the keys, decrypts, and restores the raw network output. Holds the whole text.
    public func decrypt(_ text: String, source: String = "the text") throws -> Decryption {
        let encoding = try pipeline.encode(text)
        let content = Array(encoding.indices.dropFirst().dropLast())  // inside [start] … [end]
        let logProbabilities = self.logProbabilities(content)
        let ranking = try rank(content, logProbabilities, source: source)
        var rawIndices = encoding.indices
        var agree = 0, letters = 0
        for (t, token) in content.enumerated() {
            var best = 0
            for k in 1..<Token.count where logProbabilities[t * Token.count + k] > logProbabilities[t * Token.count + best] { best = k }
            rawIndices[t + 1] = UInt8(best)
            if token < 26 {
                letters += 1
                if best == (Int(token) - ranking.best.key + 26) % 26 { agree += 1 }
            }
        }
        return Decryption(
            ranking: ranking, plaintext: CaesarShift(key: ranking.best.key).inverse.apply(to: text),
            raw: encoding.record.restore(indices: rawIndices), rawAgreement: letters == 0 ? 0 : Double(agree) / Double(letters),
            rawIndices: Array(rawIndices.dropFirst().dropLast()))
    }

    /// Ranks the 26 keys for UTF-8 text (a streamed prefix, say), holding only its tokens.
    public func rank(utf8 bytes: [UInt8], source: String = "the text") throws -> KeyRanking {
        let encoding = try bytes.withUnsafeBufferPointer { try pipeline.encode(utf8: $0) }
        let content = Array(encoding.indices.dropFirst().dropLast())
        return try rank(content, logProbabilities(content), source: source)
    }

    /// Scores of the 26 keys. With ``rotations``, the ciphertext rotated back by j is itself a
    /// ciphertext, with key k − j: its scores, shifted back by j, are evidence about k too, and
    /// the 26 views' evidence is averaged (a network is never perfectly even-handed between
    /// keys; averaging over all rotations makes its judgment so by construction).
    private func rank(_ content: [UInt8], _ logProbabilities: [Float], source: String) throws -> KeyRanking {
        guard content.contains(where: { $0 < 26 }) else { throw DecryptionError.noLetters(source: source) }
        var scores = Self.keyScores(content, logProbabilities)
        if rotations {
            for j in 1..<26 {
                let rotated = content.map { $0 < 26 ? UInt8((Int($0) - j + 26) % 26) : $0 }
                let view = Self.keyScores(rotated, self.logProbabilities(rotated))
                for k in 0..<26 { scores[k] += view[(k - j + 26) % 26] }
            }
            scores = scores.map { $0 / 26 }
        }
        return KeyRanking(method: "neural", statistics: scores, logLikelihoods: scores,
                          lettersScored: content.filter { $0 < 26 }.count)
    }

    /// score(k) = Σ over letters c_t of log P(plaintext_t = c_t − k).
    static func keyScores(_ content: [UInt8], _ logProbabilities: [Float]) -> [Double] {
        var scores = [Double](repeating: 0, count: 26)
        for (t, token) in content.enumerated() where token < 26 {
            let row = t * Token.count
            for k in 0..<26 { scores[k] += Double(logProbabilities[row + (Int(token) - k + 26) % 26]) }
        }
        return scores
    }

    /// log P(token | ciphertext) at every content position, (N × 31) row-major.
    ///
    /// The tokens are cut into windows of at most ``windowLength``, as even as possible (a
    /// text one character too long for one window makes two halves, not a window and a scrap
    /// without context), each wrapped in [start] … [end] as in training; windows of equal length
    /// run in batches of at most ``batchLimit`` (which bounds memory), split between the workers.
    public func logProbabilities(_ content: [UInt8]) -> [Float] {
        let V = Token.count
        var result = [Float](repeating: 0, count: content.count * V)
        let byLength = Dictionary(grouping: Self.evenWindows(count: content.count, longest: windowLength)) { $0.count }
        for (length, windows) in byLength.sorted(by: { $0.key > $1.key }) {
            for first in stride(from: 0, to: windows.count, by: Self.batchLimit) {
                let group = windows[first..<min(first + Self.batchLimit, windows.count)]
                let sequences = group.map { [Int32(Token.start.index)] + content[$0].map(Int32.init) + [Int32(Token.end.index)] }
                let logits = model.logits(SequenceBatch(sequences: sequences))
                let B = group.count
                for (b, window) in group.enumerated() {
                    for t in 0..<length {  // log-softmax of the step's logits
                        let row = ((t + 1) * B + b) * V
                        var top = logits.values[row]
                        for k in 1..<V { top = max(top, logits.values[row + k]) }
                        var total: Float = 0
                        for k in 0..<V { total += Foundation.exp(logits.values[row + k] - top) }
                        let logTotal = Foundation.log(total) + top
                        for k in 0..<V { result[(window.lowerBound + t) * V + k] = logits.values[row + k] - logTotal }
                    }
                }
            }
        }
        return result
    }

    /// `count` positions cut into the fewest windows of at most `longest`, their lengths
    /// differing by at most one.
    static func evenWindows(count: Int, longest: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let n = (count + longest - 1) / longest
        return (0..<n).map { i in (i * count / n)..<((i + 1) * count / n) }
    }

    /// Windows per forward pass: enough to keep both cores busy, few enough to bound memory.
    public static let batchLimit = 256

    /// The content length of the windows the model was trained on, from its provenance.
    static func trainedWindowLength(_ file: ModelFile) -> Int? {
        guard let training = file.metadata["training"],
              let object = try? JSONSerialization.jsonObject(with: Data(training.utf8)) as? [String: Any],
              let configuration = (object["configuration"] as? String).flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }),
              let steps = configuration["sequenceLength"] as? Int, steps > 2
        else { return nil }
        return steps - 2
    }
}
