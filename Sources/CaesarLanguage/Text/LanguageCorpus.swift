import CaesarIO
import CaesarText

/// Text for a language model: files of one language cut into sentences of tokens
/// (``SentenceTokens``), with the end of each file held out for validation.
public struct LanguageCorpus: Sendable {
    /// Every file read, in order (folders are searched for `.txt` files).
    public let files: [String]
    /// Sentence contents (no `[start]` or `[end]`), for estimating or training.
    public let training: [[UInt8]]
    /// The last `validationFraction` of each file's sentences, never trained on.
    public let validation: [[UInt8]]

    /// The most text read at once, in bytes.
    public static let maximumBytes = 1 << 30

    public init(paths: [String], validationFraction: Double = 0, lossy: Bool = false) throws {
        precondition(validationFraction >= 0 && validationFraction < 1, "the validation fraction is in [0, 1)")
        files = try TextFiles.expand(paths)
        let pipeline = try TextPipeline(options: .init(sentences: SentenceTokens.splitting))
        var training: [[UInt8]] = [], validation: [[UInt8]] = [], bytes = 0
        for file in files {
            let text = try TextFiles.read(file, lossy: lossy, total: &bytes, limit: Self.maximumBytes, what: "the corpus")
            let sentences = try SentenceTokens.sentences(of: String(decoding: text, as: UTF8.self), pipeline: pipeline)
            let split = sentences.count - Int(validationFraction * Double(sentences.count))
            training += sentences[..<split].map(Array.init)
            validation += sentences[split...].map(Array.init)
        }
        self.training = training
        self.validation = validation
    }

    /// Predicted tokens in the training sentences: their content and one `[end]` each.
    public var trainingTokens: Int { training.reduce(0) { $0 + $1.count + 1 } }
}
