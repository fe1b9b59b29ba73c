import CaesarNeural
import CaesarText

/// One ciphertext through a trained decrypter, every stage kept for a learner to look at:
/// the tokens it read, the network's distribution over the 31 tokens at every step, the
/// hidden states, its choice at every step, and the text written back.
///
/// The whole text is one sequence, `[start]` … `[end]`, as the training windows are (no
/// sentence splitting), so the network sees it the way it learned.
///
///     let d = try DecryptionTrace(model: network, ciphertext: "Wkh vhd.")
///     d.decoded     // "the sea."   (if the network learned key 3)
///     d.restored    // "The sea."   (case and punctuation from the ciphertext)
public struct DecryptionTrace: Sendable {
    /// The ciphertext's encoding: its token indices (T) and restoration record.
    public let encoding: Encoding
    /// T × 31: softmax of the network's output at every step.
    public let probabilities: TokenMatrix
    /// The most probable token at every step (T).
    public let predicted: [UInt8]
    /// Per layer, (T, D): the output h of every step, both directions side by side.
    public let hiddenStates: [Matrix<Float>]

    /// Runs `model` (31 inputs and outputs) over the tokens of `ciphertext`.
    ///
    /// - Throws: ``TrainingError/nothingToDecrypt`` when the text has no letters or periods.
    public init(model: ManyToManyModel<Float>, ciphertext: String) throws {
        let a = model.architecture
        precondition(a.inputSize == Token.count && a.outputSize == Token.count, "a decrypter reads and writes the \(Token.count) tokens")
        encoding = try TextPipeline(options: .init(sentences: .none)).encode(ciphertext)
        guard !encoding.indices.isEmpty else { throw TrainingError.nothingToDecrypt }
        let batch = SequenceBatch(sequences: [encoding.indices.map(Int32.init)])
        let p = model.probabilities(batch)
        probabilities = TokenMatrix(rows: p.rows, columns: p.columns, values: p.values)
        predicted = TextDecoder.argmax(probabilities)
        hiddenStates = model.hiddenStates(batch)
    }

    /// The predicted tokens as plain text (lowercase, `.` and spaces).
    public var decoded: String { TextDecoder.decode(indices: predicted) }
    /// The ciphertext with every letter the network changed replaced, in the ciphertext's
    /// case, everything else as it was (``RestorationRecord/restore(indices:)``).
    public var restored: String { encoding.record.restore(indices: predicted) }
}
