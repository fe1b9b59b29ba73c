import CaesarNeural
import CaesarRandom
import CaesarText

/// Training batches: random windows of a token stream, encrypted, each wrapped in
/// [start] … [end], as the PyTorch reference draws them (its `sample_batch`).
///
/// Window starts are uniform over every position (a window may begin or end mid-word); the
/// input is the ciphertext, the target the plaintext at the same step (many-to-many, aligned;
/// the encoder–decoder reads the same targets one step behind), and each window's key is its
/// label (what the many-to-one classifier learns).
public struct WindowSampler: Sendable {
    /// Token indices of the training text (letters, `.`, `[sep]`).
    public let stream: [UInt8]
    /// The text characters per window: `contentLength`, or drawn per batch from
    /// `minimumContentLength ... contentLength`.
    public let contentLength: Int
    public let minimumContentLength: Int
    public let key: KeySchedule
    /// All of the sampler's randomness; saved in checkpoints so a resumed run draws the same batches.
    public var random: SeededGenerator

    public init(stream: [UInt8], contentLength: Int, minimumContentLength: Int? = nil, key: KeySchedule, random: SeededGenerator) {
        precondition(stream.count >= contentLength && contentLength > 0, "the text is shorter than one window")
        precondition((1...contentLength).contains(minimumContentLength ?? contentLength), "0 < minimum ≤ length")
        self.stream = stream
        self.contentLength = contentLength
        self.minimumContentLength = minimumContentLength ?? contentLength
        self.key = key
        self.random = random
    }

    /// B windows of one length L: inputs and targets (T = L + 2, B) time-major.
    public mutating func next(batchSize: Int) -> SequenceBatch {
        var length = contentLength
        if minimumContentLength < contentLength {
            length = minimumContentLength + random.uniformInt(below: contentLength - minimumContentLength + 1)
        }
        let starts = (0..<batchSize).map { _ in random.uniformInt(below: stream.count - length + 1) }
        let keys = (0..<batchSize).map { _ in keyForNextSequence() }
        return Self.batch(stream: stream, starts: starts, keys: keys, contentLength: length)
    }

    private mutating func keyForNextSequence() -> Int {
        switch key {
        case .fixed(let k): return k
        case .any: return random.uniformInt(below: 26)
        }
    }

    /// Windows of `stream` starting at `starts`, encrypted with `keys`, as one batch; the keys
    /// (0…25) are the labels.
    public static func batch(stream: [UInt8], starts: [Int], keys: [Int], contentLength L: Int) -> SequenceBatch {
        let B = starts.count, T = L + 2
        var inputs = [Int32](repeating: 0, count: T * B), targets = inputs
        for b in 0..<B {
            inputs[b] = Int32(Token.start.index)
            targets[b] = Int32(Token.start.index)
            for t in 1...L {
                let plain = Int(stream[starts[b] + t - 1])
                targets[t * B + b] = Int32(plain)
                inputs[t * B + b] = Int32(Token.shifted(index: UInt8(plain), by: keys[b]))
            }
            inputs[(T - 1) * B + b] = Int32(Token.end.index)
            targets[(T - 1) * B + b] = Int32(Token.end.index)
        }
        return SequenceBatch(steps: T, size: B, inputs: inputs, targets: targets, ignoredTarget: Int32(Token.pad.index),
                             labels: keys.map { Int32(Token.normalizedKey($0)) })
    }
}
