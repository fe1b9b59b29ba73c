import CaesarNeural
import CaesarRandom
import CaesarText

/// Training and validation windows for a language model: stretches of a sentence stream
/// (``SentenceTokens``), each starting at a word, the input one token behind the target.
///
/// A window that starts a sentence is read after `[start]`; one that starts at another word
/// is read after the word-start context (token 30, see `LanguageModelContext` in
/// CaesarLanguage), so the network learns both ways a message can begin, as the n-gram models
/// count them. Sentences follow each other inside a window (`… . [end] [start] the …`): the
/// network reads `[start]` as it comes, and is not scored on predicting it.
///
///     stream   [start] t h e [sep] s e a [end] [start] i t …
///     window at "sea":   input  [word] s e a [end] [start] i
///                        target s e a [end] [start]ˣ i t         (ˣ not scored)
public struct LanguageModelWindows: Sendable {
    /// The sentence stream: `[start]` content `[end]`, back to back.
    public let stream: [UInt8]
    /// Steps per window (the input's length).
    public let length: Int
    /// Where words begin in the stream, as far as a whole window fits after them.
    let wordStarts: [UInt32]
    public var random: SeededGenerator

    /// The token windows read before a word that does not start a sentence.
    public static let wordStartContext = Int32(Token.pad.index)

    public init(stream: [UInt8], length: Int, random: SeededGenerator) throws {
        precondition(length >= 2, "a window holds at least two steps")
        let start = UInt8(Token.start.index), separator = UInt8(Token.separator.index)
        var starts: [UInt32] = []
        if stream.count > length {
            for p in 1...(stream.count - length) where stream[p] < 27 && (stream[p - 1] == start || stream[p - 1] == separator) {
                starts.append(UInt32(p))
            }
        }
        guard !starts.isEmpty else { throw TrainingError.trainingTextTooShort(characters: stream.count, needed: length + 1) }
        self.stream = stream
        self.length = length
        wordStarts = starts
        self.random = random
    }

    /// B windows at random words.
    public mutating func next(batchSize: Int) -> SequenceBatch {
        let starts = (0..<batchSize).map { _ in Int(wordStarts[random.uniformInt(below: wordStarts.count)]) }
        return batch(at: starts)
    }

    /// The windows starting at the words at `starts` (stream positions), time-major.
    public func batch(at starts: [Int]) -> SequenceBatch {
        let B = starts.count, T = length, start = Int32(Token.start.index)
        var inputs = [Int32](repeating: 0, count: T * B), targets = inputs
        for (b, p) in starts.enumerated() {
            inputs[b] = stream[p - 1] == UInt8(Token.start.index) ? start : Self.wordStartContext
            for t in 0..<T {
                if t > 0 { inputs[t * B + b] = Int32(stream[p + t - 1]) }
                let target = Int32(stream[p + t])
                targets[t * B + b] = target == start ? Int32(Token.pad.index) : target  // given, not predicted
            }
        }
        return SequenceBatch(steps: T, size: B, inputs: inputs, targets: targets, ignoredTarget: Int32(Token.pad.index))
    }

    /// Validation: up to `count` windows spread evenly over the stream's words, the same every
    /// time. The mean loss on them, in bits per predicted token, and how often the most probable
    /// next token is the right one.
    public func validationBatch(count: Int) -> SequenceBatch {
        let n = min(count, wordStarts.count)
        return batch(at: (0..<n).map { Int(wordStarts[$0 * wordStarts.count / n]) })
    }
}
