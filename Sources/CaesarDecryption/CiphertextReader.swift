import CaesarNeural
import CaesarText
import Foundation

/// What a model of one setup makes of ciphertext tokens: a score for each of the 26 keys,
/// and, when asked, its own output. ``NeuralDecrypter`` picks the reader of its model's setup:
///
/// | setup | key scores | its own output |
/// |---|---|---|
/// | many-to-many | Σ log P(plaintext character \| ciphertext) over the letters | the most probable character at each position |
/// | many-to-one | Σ over windows of log P(key \| window) | the ciphertext rotated back by its best key |
/// | encoder–decoder | Σ over windows of log P(rotated window \| window), teacher-forced | its greedy output, window by window |
///
/// Scores are log-likelihoods up to a constant shared by all keys, so their softmax is the
/// posterior over keys under a uniform prior.
protocol CiphertextReader {
    /// One reading per text; all the texts' windows run together, in as few batches as fit.
    func read(_ contents: [[UInt8]], raw: Bool) -> [CiphertextReading]
}

extension CiphertextReader {
    func read(_ content: [UInt8], raw: Bool) -> CiphertextReading { read([content], raw: raw)[0] }
}

/// A reader's result for one text.
struct CiphertextReading {
    /// Per key 0…25: the log-likelihood score.
    let scores: [Double]
    /// The model's own output tokens (without [start] and [end]), when asked for.
    let raw: [UInt8]?
}

/// The content tokens of one or more texts cut into windows of at most the trained length, as
/// even as possible (a text one character too long for one window makes two halves, not a
/// window and a scrap without context), each wrapped in [start] … [end] as in training.
/// Windows of one length, from any of the texts, run as one batch, at most `batchLimit` at a
/// time (which bounds memory).
struct CiphertextWindows {
    struct Group {
        /// Each window's text (an index into the contents) and where it starts in it.
        let windows: [(text: Int, start: Int)]
        let length: Int
        /// The windows' tokens, [start] and [end] included.
        let sequences: [[Int32]]
        var batch: SequenceBatch { SequenceBatch(sequences: sequences) }
    }

    /// The longer windows first, then the shorter (so every run sums in the same order).
    let groups: [Group]

    /// Windows per forward pass: enough to keep both cores busy, few enough to bound memory.
    /// (Reading a 2000-letter prefix in all 26 rotations with the default model: 128 takes as
    /// long as 256, 0.49–0.70 s against 0.51–0.55 s, in 165 MB instead of 262 MB.)
    static let batchLimit = 128

    /// Windows per forward pass on `threads` cores. On one core (each `--lines` worker), at most
    /// ``RecurrentProduct/packedMaximumRows``, the batches whose recurrent products take the
    /// packed kernel rather than BLAS.
    static func batchLimit(threads: Int) -> Int { threads == 1 ? RecurrentProduct.packedMaximumRows : batchLimit }

    init(_ contents: [[UInt8]], length L: Int, batchLimit: Int = Self.batchLimit) {
        precondition(L > 0 && batchLimit > 0, "windows need a length, batches a size")
        var byLength: [Int: [(text: Int, start: Int)]] = [:]
        for (text, content) in contents.enumerated() {
            for window in Self.even(count: content.count, longest: L) {
                byLength[window.count, default: []].append((text, window.lowerBound))
            }
        }
        groups = byLength.keys.sorted(by: >).flatMap { length -> [Group] in
            let windows = byLength[length]!
            return stride(from: 0, to: windows.count, by: batchLimit).map { first in
                let part = Array(windows[first..<min(first + batchLimit, windows.count)])
                let sequences = part.map { text, start -> [Int32] in
                    [Int32(Token.start.index)] + contents[text][start..<(start + length)].map(Int32.init) + [Int32(Token.end.index)]
                }
                return Group(windows: part, length: length, sequences: sequences)
            }
        }
    }

    /// `count` positions cut into the fewest windows of at most `longest`, their lengths
    /// differing by at most one.
    static func even(count: Int, longest: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let n = (count + longest - 1) / longest
        return (0..<n).map { i in (i * count / n)..<((i + 1) * count / n) }
    }
}

/// `tokens` with every letter shifted back by `key` (decryption), other tokens unchanged.
func rotated(_ tokens: [UInt8], back key: Int) -> [UInt8] {
    tokens.map { Token.shifted(index: $0, by: -key) }
}
