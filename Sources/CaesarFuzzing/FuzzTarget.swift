import CaesarCipher
import CaesarDecryption
import CaesarIO
import CaesarLanguage
import CaesarNeural
import CaesarText
import CaesarTraining

/// What the fuzzers feed with arbitrary bytes: every reader of a file a user may be handed,
/// and the text pipeline. Each target must return normally on any input (refusing it with an
/// error is returning normally) and never crash, hang or use memory out of proportion to the
/// input; where it accepts an input, it checks what must then hold and traps if it does not.
///
/// `caesar-fuzz` runs them under libFuzzer (`Fuzz/run.sh`); the test suite runs every file of
/// `Fuzz/corpus/` and `Fuzz/regressions/` through them.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A network file: safetensors, metadata, tensors, provenance, then a decryption with it.
    case modelFile = "model-file"
    /// A training checkpoint: the model, the optimizer's tensors, the trainer state's JSON.
    case checkpoint
    /// An n-gram language model: its trie, checked, then queried.
    case languageModel = "language-model"
    /// The classical scorers' letter statistics (text).
    case letterStatistics = "letter-statistics"
    /// The safetensors header's JSON alone.
    case json
    /// The text pipeline: bytes as UTF-8 text, encoded and restored.
    case pipeline

    /// Runs the target on one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .modelFile: Self.modelFile(bytes)
        case .checkpoint: _ = try? TrainingCheckpoint(bytes: bytes, path: "input")
        case .languageModel: Self.languageModel(bytes)
        case .letterStatistics: _ = try? NgramStatistics(parsing: bytes, source: "input")
        case .json: _ = try? JSONValue.parse(bytes[...])
        case .pipeline: Self.pipeline(bytes)
        }
    }

    static let message = "Wkh vhfuhw phhwlqj, 3 Où?"

    static func modelFile(_ bytes: [UInt8]) {
        guard let file = try? ModelFile(SafeTensors(bytes: bytes)) else { return }
        _ = file.trainedSequenceLength
        // Small enough to run: a network from an input of ≤ 1 MiB has at most 256k weights.
        if file.architecture.setup == .languageModel {
            _ = try? NeuralLanguageModel(file: file, path: "input").logLikelihoods(of: [[28, 7, 4, 27, 0]])
        } else if let decrypter = try? NeuralDecrypter(file: file, path: "input", threads: 1) {
            decrypter.rotations = false
            _ = try? decrypter.decrypt(message)
        }
    }

    static func languageModel(_ bytes: [UInt8]) {
        guard let model = try? NgramLanguageModel(SafeTensors(bytes: bytes)) else { return }
        let sequences: [[UInt8]] = [[28, 19, 7, 4, 27, 18, 4, 0, 26, 29, 28, 0], [30, 25, 25, 27, 1], [28]]
        for likelihood in model.logLikelihoods(of: sequences) { precondition(!likelihood.isNaN, "a language model gave NaN") }
        _ = model.nextTokenProbabilities(after: [28, 0, 1])
    }

    /// Opened once (ICU objects are costly); libFuzzer runs one input at a time, on one thread.
    nonisolated(unsafe) static let pipelines = (
        sentences: try! TextPipeline(), plain: try! TextPipeline(options: .init(sentences: .none)), corpus: try! CorpusEncoder()
    )

    static func pipeline(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)  // ill-formed bytes become U+FFFD, as --lossy reads them
        guard let encoding = try? pipelines.sentences.encode(text) else { return }
        precondition(encoding.record.restore(indices: encoding.indices) == text, "restoring the unchanged tokens gives the input back")
        let shifted = encoding.indices.map { Token.shifted(index: $0, by: 3) }
        _ = encoding.record.restore(indices: shifted)
        _ = encoding.record.shiftedByCipher
        guard let plain = try? pipelines.plain.encode(text) else { return }
        let corpus = pipelines.corpus.indices(of: text)
        precondition(Array(plain.indices.dropFirst().dropLast()) == corpus, "the corpus encoder is the pipeline without sentences")
    }
}
