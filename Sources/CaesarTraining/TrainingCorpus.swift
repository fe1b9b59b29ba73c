import CaesarIO
import CaesarText
import Foundation

/// The text a run learns from: files and folders of UTF-8 text, through the pipeline's corpus
/// path (lowercased, accents folded, punctuation but `.` dropped, one `[sep]` per whitespace
/// run). Validation text is either the tail of it, cut by position like the reference's
/// splits, or separate files.
public struct TrainingCorpus: Sendable {
    /// Every training file read, in the order read (folders are walked in sorted order).
    public let files: [String]
    /// Separate validation files, if any.
    public let validationFiles: [String]
    public let training: [UInt8]
    public let validation: [UInt8]
    /// The share held out from the corpus's tail; nil with separate validation files.
    public let validationFraction: Double?

    /// The largest corpus accepted, in bytes of text: the text and its tokens are held at once
    /// (about twice this in memory), and a pipe that never ends is refused after this much.
    /// At 70k characters a second, 1 GiB is more than four hours of training per pass.
    public static let maximumBytes = 1 << 30

    /// Reads `paths` (files as given; in folders, searched recursively, every `.txt` file,
    /// hidden ones skipped) and holds out the last `validationFraction` of the tokens.
    /// With `sentences`, the tokens are the sentences' (``SentenceTokens``), each `[start]` …
    /// `[end]`, as a language model learns them; otherwise one stream without sentences.
    public init(paths: [String], validationFraction: Double, lossy: Bool = false, sentences: Bool = false) throws {
        precondition(validationFraction > 0 && validationFraction < 1, "the validation fraction is between 0 and 1")
        let (files, tokens) = try Self.read(paths, lossy: lossy, sentences: sentences)
        let split = Int((1 - validationFraction) * Double(tokens.count))  // int((1 − v)·n), as the reference cuts
        self.files = files
        validationFiles = []
        training = Array(tokens[..<split])
        validation = Array(tokens[split...])
        self.validationFraction = validationFraction
    }

    /// Trains on all of `paths` and validates on `validationPaths`.
    public init(paths: [String], validationPaths: [String], lossy: Bool = false, sentences: Bool = false) throws {
        (files, training) = try Self.read(paths, lossy: lossy, sentences: sentences)
        (validationFiles, validation) = try Self.read(validationPaths, lossy: lossy, sentences: sentences)
        validationFraction = nil
    }

    /// From token indices directly (tests, and corpora built elsewhere).
    public init(tokens: [UInt8], validationFraction: Double, files: [String] = []) {
        let split = Int((1 - validationFraction) * Double(tokens.count))
        self.files = files
        validationFiles = []
        training = Array(tokens[..<split])
        validation = Array(tokens[split...])
        self.validationFraction = validationFraction
    }

    /// "3 files, 1,234,567 characters (95% training, 5% validation)", or with validation
    /// files, "3 files, 1,234,567 characters; validation: 1 file, 20,000 characters".
    public var summary: String {
        func count(_ files: [String], _ characters: Int) -> String {
            "\(files.count) file\(files.count == 1 ? "" : "s"), \(grouped(characters)) characters"
        }
        guard let fraction = validationFraction else {
            return count(files, training.count) + "; validation: " + count(validationFiles, validation.count)
        }
        let share = Int((fraction * 100).rounded())
        return count(files, training.count + validation.count) + " (\(100 - share)% training, \(share)% validation)"
    }

    /// The files behind `paths` and their tokens, documents joined by one `[sep]`.
    public static func read(_ paths: [String], lossy: Bool, sentences: Bool = false) throws -> (files: [String], tokens: [UInt8]) {
        let files = try TextFiles.expand(paths)
        guard !files.isEmpty else { throw TrainingError.noText(paths: paths) }
        let encoder = try CorpusEncoder()
        let pipeline = sentences ? try TextPipeline(options: .init(sentences: SentenceTokens.splitting)) : nil
        var tokens: [UInt8] = [], bytes = 0
        for file in files {
            let text = try TextFiles.read(file, lossy: lossy, total: &bytes, limit: maximumBytes, what: "the corpus")
            if let pipeline {
                tokens += SentenceTokens.stream(try SentenceTokens.sentences(of: String(decoding: text, as: UTF8.self), pipeline: pipeline))
                continue
            }
            let indices = text.withUnsafeBufferPointer { encoder.indices(ofUTF8: $0) }
            guard !indices.isEmpty else { continue }
            if !tokens.isEmpty { tokens.append(UInt8(Token.separator.index)) }
            tokens.append(contentsOf: indices)
        }
        return (files, tokens)
    }
}

/// 1234567 → "1,234,567" (also how the command line prints counts).
public func grouped(_ n: Int) -> String {
    let digits = Array(String(abs(n)))
    var out = n < 0 ? "-" : ""
    for (k, d) in digits.enumerated() {
        if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
