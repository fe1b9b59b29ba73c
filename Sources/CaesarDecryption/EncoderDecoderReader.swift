import CaesarNeural
import CaesarText

/// The encoder–decoder as a key scorer: for each window, each key k implies a plaintext (the
/// window rotated back by k); the decoder, teacher-forced on it after reading the window,
/// gives its log-likelihood:
///
///     score(k) = Σ over windows w of log P(rotate(w, −k), [end] | w).
///
/// Non-letters count too: the decoder writes them after the letters it has just read, so their
/// probability depends on the key. Its own output is its greedy decoding of each window,
/// which may be shorter or longer than the window.
struct EncoderDecoderReader: CiphertextReader {
    let model: EncoderDecoder<Float>
    let windowLength: Int

    func read(_ contents: [[UInt8]], raw: Bool) -> [CiphertextReading] {
        var scores = contents.map { _ in [Double](repeating: 0, count: 26) }
        // 26 candidates per window: fewer windows per batch keep the batch the same size.
        let windows = CiphertextWindows(contents, length: windowLength, batchLimit: max(1, CiphertextWindows.batchLimit / 26))
        for group in windows.groups {
            // Each window 26 times: the same input, each key's plaintext as the target.
            var inputs: [[Int32]] = [], targets: [[Int32]] = []
            for window in group.sequences {
                for k in 0..<26 {
                    inputs.append(window)
                    targets.append(window.map { Int32(Token.shifted(index: UInt8($0), by: -k)) })
                }
            }
            let likelihoods = model.logLikelihoods(SequenceBatch(sequences: inputs, targets: targets))
            for (i, value) in likelihoods.enumerated() { scores[group.windows[i / 26].text][i % 26] += value }
        }
        guard raw else { return scores.map { CiphertextReading(scores: $0, raw: nil) } }
        var decoded = contents.map { _ in [Int: [UInt8]]() }
        for group in windows.groups {
            let outputs = model.greedyDecode(group.batch, start: Int32(Token.start.index), end: Int32(Token.end.index),
                                             maximumLength: 2 * group.length)
            for (window, tokens) in zip(group.windows, outputs) { decoded[window.text][window.start] = tokens.map { UInt8($0) } }
        }
        return zip(scores, decoded).map { scores, windows in
            CiphertextReading(scores: scores, raw: windows.keys.sorted().flatMap { windows[$0]! })
        }
    }
}
