import CaesarText

/// A language model of plaintext over the pipeline's tokens: the probability of a text, one
/// token at a time, each given the tokens before it,
///
///     P(x₁ … x_T) = Π_t P(x_t | x₁ … x_{t−1})
///
/// over a–z, `.`, `[sep]` and `[end]`. A sequence starts with one token of context that is
/// given, not predicted, usually `[start]`; a `[start]` inside a sequence (after an `[end]`)
/// is given too. A message cut after some letters ends without `[end]`: its probability is
/// that of a text beginning this way, which is what a prefix of unknown continuation has.
///
/// Two kinds adopt it, side by side: ``NgramLanguageModel`` (counts, smoothed by
/// ``KneserNey``) and ``NeuralLanguageModel`` (an LSTM trained to predict the next token).
public protocol CharacterLanguageModel: AnyObject, Sendable {
    /// What the model is, in a few words: `6-gram Kneser–Ney`, `lstm 256`.
    var summary: String { get }
    /// Its language code (`en`, `fr`, …) from its file, or `""` when it names none.
    var language: String { get }
    /// ln P of each token of `sequence` given those before it: 0 at the given ones (the first,
    /// and every `[start]`).
    func tokenLogProbabilities(of sequence: [UInt8]) -> [Double]
    /// The total ln P(sequence) (nats) of each sequence; a model may run them as one batch.
    func logLikelihoods(of sequences: [[UInt8]]) -> [Double]
    /// ``tokenLogProbabilities(of:)`` of each sequence; a model may run them as one batch.
    func tokenLogProbabilities(ofEach sequences: [[UInt8]]) -> [[Double]]
    /// P(next token | history), 31 values (0 for `[start]` and `[pad]`); `history` begins
    /// with its context token.
    func nextTokenProbabilities(after history: [UInt8]) -> [Double]
}

extension CharacterLanguageModel {
    public func logLikelihoods(of sequences: [[UInt8]]) -> [Double] {
        tokenLogProbabilities(ofEach: sequences).map { $0.reduce(0, +) }
    }

    public func tokenLogProbabilities(ofEach sequences: [[UInt8]]) -> [[Double]] {
        sequences.map(tokenLogProbabilities(of:))
    }

    /// Bits per character: the mean −log₂ P over the predicted tokens of `sequences`, the
    /// measure of how well a model knows a text (lower is better; uniform over 29 tokens is
    /// log₂ 29 = 4.86).
    public func bitsPerCharacter(_ sequences: [[UInt8]]) -> Double {
        var nats = 0.0, count = 0
        for (sequence, total) in zip(sequences, logLikelihoods(of: sequences)) {
            nats -= total
            count += sequence.dropFirst().filter { $0 != UInt8(Token.start.index) }.count
        }
        return count == 0 ? 0 : nats / Double(count) / ln2
    }
}

/// ln 2: nats per bit.
let ln2 = 0.6931471805599453
