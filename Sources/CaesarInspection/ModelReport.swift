import CaesarCipher
import CaesarIO
import CaesarLessons
import CaesarNeural
import CaesarText
import CaesarTraining
import Foundation

/// Everything `caesar report` shows, computed: the model card, the learning curves, one text
/// through the network stage by stage, and the confusion matrix on a validation sample.
/// ``html`` (in `ModelReport+HTML.swift`) lays it out as one page.
///
///     let model = try TrainedModel.load(from: "Models/rnn-key3.safetensors")
///     let corpus = ModelReport.Corpus(tokens: try TrainingCorpus.read(["story.txt"]).tokens, name: "story.txt")
///     let page = try ModelReport(path: "Models/rnn-key3.safetensors", model: model, corpus: corpus).html
public struct ModelReport {
    /// The most tokens the page walks through: every one is a row of two heatmaps.
    public static let maximumTokens = 120
    /// The default text: a sentence in the style of the project's story.
    public static let defaultPlaintext = "The keeper lit the lamp at dusk, and the ships passed safely by the rock."
    /// The key shown for models trained on every key, unless --key says otherwise.
    public static let demonstrationKey = 3

    /// The learning curves beside the model, or why there are none.
    public enum Curves {
        case records([TrainingRecord])
        case missing
        case unreadable(String)
    }

    /// One text, encrypted, read by the network.
    public struct Sample {
        public let plaintext: String
        public let key: Int
        /// Why this key: the model's own, a demonstration key, or --key.
        public let keyReason: String
        public let ciphertext: String
        /// The pipeline's stages for the ciphertext, as one sequence, with its one-hot matrix.
        public let stages: TokenizeReport
        public let decryption: DecryptionTrace
        /// The plaintext's tokens, position by position: what a perfect decrypter writes.
        public let expected: [UInt8]

        /// Text positions ([start] and [end] excluded) decrypted right, and how many there are.
        public var score: (correct: Int, of: Int) {
            let positions = 1..<(expected.count - 1)
            return (positions.count { decryption.predicted[$0] == expected[$0] }, positions.count)
        }
    }

    /// The confusion matrix on windows of real text.
    public struct Validation {
        public let source: String
        public let windows: Int
        public let length: Int
        public let keys: String
        public let confusion: ConfusionMatrix
        /// Whether the model's training corpus names this text's file.
        public let seenInTraining: Bool
    }

    public let path: String
    public let model: TrainedModel
    public let shapes: NetworkShapes
    public let curvesPath: String
    public let curves: Curves
    public let sample: Sample
    public let validation: Validation
    /// The command line that made the page.
    public let command: String

    /// Real text to measure the model on: its tokens as the trainer reads them (a–z, '.',
    /// [sep]), how the page names it, and its file name (to say whether training saw it).
    public struct Corpus: Sendable {
        public let tokens: [UInt8]
        public let name: String
        public let fileName: String

        public init(tokens: [UInt8], name: String, fileName: String? = nil) {
            self.tokens = tokens
            self.name = name
            self.fileName = fileName ?? name.split(separator: "/").last.map(String.init) ?? name
        }
    }

    /// Computes the page for the model at `path`: `plaintext` (default ``defaultPlaintext``)
    /// encrypted with `key` (default: the model's own, or ``demonstrationKey``) walked through
    /// the network, and the confusion matrix on `windows` windows of `corpus`.
    public init(
        path: String, model: TrainedModel, plaintext: String? = nil, key: Int? = nil, corpus: Corpus, windows: Int = 256, command: String = ""
    ) throws {
        let a = model.architecture
        guard a.inputSize == Token.count, a.outputSize == Token.count else {
            throw InspectionError.notADecrypter(path: path, inputs: a.inputSize, outputs: a.outputSize)
        }
        self.path = path
        self.model = model
        self.command = command
        shapes = try model.shapes(steps: nil)
        curvesPath = TrainingRun.Files(out: path).curvesCSV
        curves = Self.readCurves(curvesPath)
        let network: ManyToManyModel<Float> = try model.manyToManyNetwork()
        sample = try Self.sample(plaintext ?? Self.defaultPlaintext, key: key, model: model, network: network)
        validation = try Self.validation(model: model, network: network, corpus: corpus, windows: windows)
    }

    /// A damaged or unreadable file is reported on the page, not as a failure: the rest of
    /// the page does not need it.
    static func readCurves(_ path: String) -> Curves {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        do {
            let text = try TextInput(.file(path: path)).readAll(limit: 16 << 20)
            return .records(try TrainingRecord.records(fromCSV: text, source: path))
        } catch {
            return .unreadable("\(error)")
        }
    }

    static func sample(_ plaintext: String, key: Int?, model: TrainedModel, network: ManyToManyModel<Float>) throws -> Sample {
        let (k, reason): (Int, String)
        switch (key, model.key) {
        case (let given?, _): (k, reason) = (CaesarShift(key: given).key, "given with --key")
        case (nil, .fixed(let trained)?): (k, reason) = (trained, "the key the model was trained on")
        case (nil, _): (k, reason) = (demonstrationKey, "a demonstration key: the model was trained on every key (--key chooses another)")
        }
        let ciphertext = CaesarShift(key: k).apply(to: plaintext)
        let pipeline = try TextPipeline(options: .init(sentences: .none))
        let expected = try pipeline.encode(plaintext).indices
        guard expected.count <= maximumTokens else { throw InspectionError.textTooLong(tokens: expected.count, limit: maximumTokens) }
        let decryption = try DecryptionTrace(model: network, ciphertext: ciphertext)
        // The cipher moves ASCII letters only and keeps their case, so the token classes line up.
        precondition(decryption.encoding.indices.count == expected.count, "a Caesar shift keeps the number of tokens")
        return Sample(plaintext: plaintext, key: k, keyReason: reason, ciphertext: ciphertext,
                      stages: try TokenizeReport(text: ciphertext, pipeline: pipeline, oneHot: true),
                      decryption: decryption, expected: expected)
    }

    static func validation(model: TrainedModel, network: ManyToManyModel<Float>, corpus: Corpus, windows: Int) throws -> Validation {
        let tokens = corpus.tokens
        let length = (model.provenance?.configuration?.sequenceLength ?? 64) - 2
        guard tokens.count >= length else { throw InspectionError.textTooShort(source: corpus.name, characters: tokens.count, needed: length) }
        let set = try ValidationSet(stream: tokens, contentLength: length, count: windows, key: model.keyOrAny)
        return Validation(
            source: corpus.name, windows: set.batch.size, length: length, keys: model.windowKeys, confusion: set.confusion(of: network),
            seenInTraining: model.provenance?.corpus.contains(corpus.fileName) ?? false)
    }
}
