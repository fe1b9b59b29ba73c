import CaesarNeural
import CaesarText
import Foundation

/// The many-to-many network as a key scorer: at every position it gives a probability for each
/// of the 31 plaintext tokens. Taken one by one those guesses need not agree on a key; a
/// Caesar message has exactly one. So each key k is scored by the log-probability the network
/// gives the plaintext that key implies,
///
///     score(k) = Σ over ciphertext letters c_t of log P(plaintext_t = c_t − k | ciphertext).
struct ManyToManyReader: CiphertextReader {
    let model: ManyToManyModel<Float>
    let windowLength: Int
    /// Windows per forward pass (``CiphertextWindows/batchLimit(threads:)``).
    let batchLimit: Int

    func read(_ contents: [[UInt8]], raw: Bool) -> [CiphertextReading] {
        let V = Token.count
        return zip(contents, logProbabilities(contents)).map { content, logP in
            var scores = [Double](repeating: 0, count: 26)
            for (t, token) in content.enumerated() where token < 26 {
                for k in 0..<26 { scores[k] += Double(logP[t * V + Int(Token.shifted(index: token, by: -k))]) }
            }
            guard raw else { return CiphertextReading(scores: scores, raw: nil) }
            let output = (0..<content.count).map { t in
                var best = 0
                for k in 1..<V where logP[t * V + k] > logP[t * V + best] { best = k }
                return UInt8(best)
            }
            return CiphertextReading(scores: scores, raw: output)
        }
    }

    /// log P(token | ciphertext) at every content position of each text, (N × 31) row-major.
    func logProbabilities(_ contents: [[UInt8]]) -> [[Float]] {
        let V = Token.count
        var result = contents.map { [Float](repeating: 0, count: $0.count * V) }
        for group in CiphertextWindows(contents, length: windowLength, batchLimit: batchLimit).groups {
            let logits = model.logits(group.batch), B = group.windows.count
            for (b, window) in group.windows.enumerated() {
                for t in 0..<group.length {
                    let row = ((t + 1) * B + b) * V  // step t + 1: after [start]
                    for (k, value) in logSoftmax(logits.values[row..<(row + V)]).enumerated() {
                        result[window.text][(window.start + t) * V + k] = Float(value)
                    }
                }
            }
        }
        return result
    }
}
