import CaesarNeural
import CaesarText

/// The key classifier as a key scorer: each window of ciphertext gives a posterior over the
/// 26 keys, and the windows (independent evidence for the one key) add their logs:
///
///     score(k) = Σ over windows w with a letter of log P(key = k | w).
///
/// Windows without a letter say nothing about the key and are left out. Its own output is the
/// ciphertext rotated back by the best key: the classifier decrypts by rotation.
struct KeyClassifierReader: CiphertextReader {
    let model: KeyClassifier<Float>
    let windowLength: Int
    /// Windows per forward pass (``CiphertextWindows/batchLimit(threads:)``).
    let batchLimit: Int

    func read(_ contents: [[UInt8]], raw: Bool) -> [CiphertextReading] {
        var scores = contents.map { _ in [Double](repeating: 0, count: 26) }
        for group in CiphertextWindows(contents, length: windowLength, batchLimit: batchLimit).groups {
            let logits = model.logits(group.batch)  // (B, 26)
            for (b, window) in group.windows.enumerated()
            where contents[window.text][window.start..<(window.start + group.length)].contains(where: { $0 < 26 }) {
                for (k, value) in logSoftmax(logits.values[(b * 26)..<((b + 1) * 26)]).enumerated() { scores[window.text][k] += value }
            }
        }
        return zip(contents, scores).map { content, scores in
            let best = scores.firstIndex(of: scores.max()!)!  // the first of equal scores, as KeyRanking orders them
            return CiphertextReading(scores: scores, raw: raw ? rotated(content, back: best) : nil)
        }
    }
}
