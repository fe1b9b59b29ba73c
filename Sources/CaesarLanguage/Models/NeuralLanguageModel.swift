import CaesarCipher
import CaesarNeural
import CaesarRandom
import CaesarText
import Foundation

/// A recurrent language model (char-rnn): the LSTM of `caesar train --setup language-model`,
/// which reads a text one token at a time and at each step gives the distribution of the next,
///
///     h_t = LSTM(x_t, h_{t−1}),   P(x_{t+1} | x_1 … x_t) = softmax(W_y·h_t + b_y)
///
/// Trained on windows of sentences that begin at words (after `[start]` or the word-start
/// context, ``LanguageModelContext``), it is read the same way as the n-gram model: the first
/// token of a sequence is given, every later one predicted. Its state carries the whole
/// history, not the last few tokens, which is why it knows text better than any n-gram of the
/// same corpus (compare their bits per character in `Models/README.md`).
public final class NeuralLanguageModel: @unchecked Sendable {
    public let file: ModelFile
    let model: ManyToManyModel<Float>
    /// Steps per training window: the history it learned to use.
    public let window: Int

    public init(file: ModelFile, path: String, threads: Int = 1) throws {
        let a = file.architecture
        guard a.setup == .languageModel else { throw LanguageModelError.notALanguageModel(path: path, setup: a.setup.name) }
        guard a.inputSize == Token.count, a.outputSize == Token.count, !a.bidirectional else {
            throw LanguageModelError.invalidFile(path: path, reason: "a language model reads and writes the \(Token.count) tokens, one way")
        }
        self.file = file
        model = ManyToManyModel(architecture: a, parameters: file.parameters, threads: threads)
        window = file.trainedSequenceLength ?? 64
    }

    public convenience init(path: String, threads: Int = 1) throws {
        try self.init(file: ModelFile.load(from: path), path: path, threads: threads)
    }

    /// The temperature that calibrates cracking with it (``TemperatureScaling``), as the file
    /// records it (fitted by `caesar calibrate`), or 1.
    public var calibrationTemperature: TemperatureSchedule { TemperatureScaling.recorded(file.metadata[TemperatureScaling.metadataKey]) }

    /// ln P(token | the sequence before it) at every step of equal-length sequences, (T·B) time-major:
    /// entry (t, b) is the log-probability of `sequences[b][t + 1]` (the last step's is unused).
    func stepLogProbabilities(_ sequences: [[UInt8]]) -> [[Double]] {
        let T = sequences[0].count, B = sequences.count, V = Token.count
        let batch = SequenceBatch(sequences: sequences.map { $0.map(Int32.init) })
        let logits = model.logits(batch).values
        var result = sequences.map { [Double](repeating: 0, count: $0.count) }
        for b in 0..<B {
            for t in 0..<(T - 1) {
                let next = Int(sequences[b][t + 1])
                guard next != Token.start.index else { continue }  // given, not predicted
                let row = (t * B + b) * V
                var top = -Float.infinity
                for k in 0..<V where k != Token.pad.index { top = max(top, logits[row + k]) }
                var total = 0.0
                for k in 0..<V where k != Token.pad.index { total += exp(Double(logits[row + k] - top)) }
                result[b][t + 1] = Double(logits[row + next] - top) - log(total)
            }
        }
        return result
    }

}

extension NeuralLanguageModel: CharacterLanguageModel {
    public var summary: String {
        let a = file.architecture
        return "\(a.cell.rawValue) \(a.layers > 1 ? "\(a.layers)x" : "")\(a.hiddenSize)"
    }

    public var language: String { file.metadata["language"] ?? "" }

    public func tokenLogProbabilities(of sequence: [UInt8]) -> [Double] {
        guard sequence.count > 1 else { return [Double](repeating: 0, count: sequence.count) }
        return stepLogProbabilities([sequence])[0]
    }

    /// Sequences of equal length run as one batch (the 26 decryptions of a message are).
    public func tokenLogProbabilities(ofEach sequences: [[UInt8]]) -> [[Double]] {
        var result = sequences.map { [Double](repeating: 0, count: $0.count) }
        let byLength = Dictionary(grouping: sequences.indices, by: { sequences[$0].count })
        for (length, members) in byLength where length > 1 {
            let rows = stepLogProbabilities(members.map { sequences[$0] })
            for (k, index) in members.enumerated() { result[index] = rows[k] }
        }
        return result
    }

    public func nextTokenProbabilities(after history: [UInt8]) -> [Double] {
        let context = Array(history.suffix(window))
        let batch = SequenceBatch(sequences: [context.map(Int32.init)])
        let V = Token.count, row = (context.count - 1) * V
        let logits = model.logits(batch).values[row..<(row + V)]
        var p = logits.enumerated().map { k, z in
            k == Token.start.index || k == Token.pad.index ? 0 : exp(Double(z - logits.max()!))
        }
        let total = p.reduce(0, +)
        for k in p.indices { p[k] /= total }
        return p
    }
}
