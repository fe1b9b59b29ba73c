import CaesarCipher
import CaesarText
import CaesarTraining

/// A decrypting model measured on text it was not trained on, beside the classical scorers.
///
/// Every method sees the very same trials (``KeyRecoveryEvaluation``: spans of held-out text
/// with exactly N letters, random keys, a fixed seed), so models of every setup and the
/// classical scorers can be set side by side. For a network three things are counted per
/// length: how often its key is right (then the rotation gives the exact text), and, for its
/// own raw output, the share of characters right (letters, `.` and spaces, as the reference
/// counts; position by position, missing or extra characters counting as wrong) and the share
/// of messages right in every character.
public struct DecryptionEvaluation: Sendable {
    public struct NeuralRow: Sendable, Codable, Equatable {
        public let letters: Int
        public let trials: Int
        /// Key recovered: the rotation then gives every character.
        public let keyRecovery: Double
        public let meanConfidence: Double
        /// The raw network output: characters right, and messages right in full.
        public let rawCharacterAccuracy: Double
        public let rawMessageAccuracy: Double
    }

    public let trials: KeyRecoveryEvaluation

    /// On trials drawn already (those of a ``CrackingEvaluation``, say).
    public init(trials: KeyRecoveryEvaluation) {
        self.trials = trials
    }

    public init(
        documents: [[UInt8]], lengths: [Int] = KeyRecoveryEvaluation.standardLengths, trialsPerLength: Int, seed: UInt64,
        fixedKey: Int? = nil
    ) throws {
        trials = try KeyRecoveryEvaluation(
            documents: documents, lengths: lengths, trialsPerLength: trialsPerLength, seed: seed, fixedKey: fixedKey)
    }

    /// The network's rows, one per length.
    public func measure(_ decrypter: NeuralDecrypter) throws -> [NeuralRow] {
        var rows: [NeuralRow] = []
        for n in trials.lengths {
            var keys = 0, characters = 0, rightCharacters = 0, messages = 0, confidence = 0.0, count = 0
            for trial in trials.trials where trial.letters == n {
                let result = try decrypter.decrypt(String(decoding: trial.ciphertext, as: UTF8.self))
                let truth = try decrypter.pipeline.encode(String(decoding: trial.plaintext, as: UTF8.self)).indices.dropFirst().dropLast()
                let right = zip(truth, result.rawIndices).filter { $0 == $1 }.count
                characters += max(truth.count, result.rawIndices.count)
                rightCharacters += right
                if Array(truth) == result.rawIndices { messages += 1 }
                if result.ranking.best.key == trial.key { keys += 1 }
                confidence += result.ranking.best.posterior
                count += 1
            }
            rows.append(NeuralRow(
                letters: n, trials: count, keyRecovery: Double(keys) / Double(max(count, 1)),
                meanConfidence: confidence / Double(max(count, 1)),
                rawCharacterAccuracy: Double(rightCharacters) / Double(max(characters, 1)),
                rawMessageAccuracy: Double(messages) / Double(max(count, 1))))
        }
        return rows
    }

    /// A classical scorer's rows on the same trials.
    public func measure(_ cracker: Cracker) -> [KeyRecoveryEvaluation.Result] {
        trials.measure(cracker)
    }

    public struct WindowRow: Sendable, Codable, Equatable {
        public let characters: Int
        public let windows: Int
        public let characterAccuracy: Double
        public let windowAccuracy: Double
    }

    /// The reference's protocol (its task definition's accuracy by ciphertext length):
    /// the first `count` non-overlapping windows of L characters of the token stream, window i
    /// encrypted with key i mod 26 (or the model's own key), the model's raw output compared
    /// character by character (``ValidationSet/accuracies(of:)``).
    public static func windows(
        _ decrypter: NeuralDecrypter, tokens: [UInt8], lengths: [Int], count: Int = 2600, fixedKey: Int? = nil
    ) throws -> [WindowRow] {
        try lengths.map { length in
            let set = try ValidationSet(stream: tokens, contentLength: length, count: count, key: fixedKey.map { .fixed($0) } ?? .any)
            let (characters, windows) = set.accuracies(of: decrypter.model)
            return WindowRow(characters: length, windows: set.batch.size, characterAccuracy: characters, windowAccuracy: windows)
        }
    }
}
