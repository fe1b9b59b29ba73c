import CaesarIO
import CaesarText
import Foundation

/// The text a run learns from: files and folders of UTF-8 text, through the pipeline's corpus
/// path (lowercased, accents folded, punctuation but `.` dropped, one `[sep]` per whitespace
/// run), split by position like the reference: the first part trains, the tail validates.
public struct TrainingCorpus: Sendable {
    /// Every file read, in the order read (folders are walked in sorted order).
    public let files: [String]
    /// Token indices of all files, joined by one `[sep]`.
    public let tokens: [UInt8]
    public let validationFraction: Double

    /// The largest corpus accepted, in bytes of text: its tokens must fit in memory.
    public static let maximumBytes = 4 << 30

    /// Reads `paths`: files as given, and in folders (searched recursively) every `.txt`
    /// file, hidden ones skipped.
    public init(paths: [String], validationFraction: Double, lossy: Bool = false) throws {
        precondition(validationFraction > 0 && validationFraction < 1, "the validation fraction is between 0 and 1")
        let files = try Self.expand(paths)
        guard !files.isEmpty else { throw TrainingError.noText(paths: paths) }
        let encoder = try CorpusEncoder()
        var tokens: [UInt8] = [], bytes = 0
        for file in files {
            let input = try TextInput(.file(path: file), lossy: lossy)
            var text: [UInt8] = []
            try input.forEachChunk { chunk in
                bytes += chunk.count
                guard bytes <= Self.maximumBytes else { throw IOError.tooLarge(source: "the corpus", limit: Self.maximumBytes) }
                text.append(contentsOf: chunk)
            }
            let indices = text.withUnsafeBufferPointer { encoder.indices(ofUTF8: $0) }
            guard !indices.isEmpty else { continue }
            if !tokens.isEmpty { tokens.append(UInt8(Token.separator.index)) }
            tokens.append(contentsOf: indices)
        }
        self.files = files
        self.tokens = tokens
        self.validationFraction = validationFraction
    }

    /// From token indices directly (tests, and corpora built elsewhere).
    public init(tokens: [UInt8], validationFraction: Double, files: [String] = []) {
        self.files = files
        self.tokens = tokens
        self.validationFraction = validationFraction
    }

    /// Where validation starts: `int((1 − v)·n)`, as the reference cuts its splits.
    public var splitIndex: Int { Int((1 - validationFraction) * Double(tokens.count)) }
    public var training: [UInt8] { Array(tokens[..<splitIndex]) }
    public var validation: [UInt8] { Array(tokens[splitIndex...]) }

    /// "3 files, 1,234,567 characters (90% training, 10% validation)".
    public var summary: String {
        let share = Int((validationFraction * 100).rounded())
        return "\(files.count) file\(files.count == 1 ? "" : "s"), \(grouped(tokens.count)) characters "
            + "(\(100 - share)% training, \(share)% validation)"
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw IOError.cannotOpen(path: path, reason: "No such file or directory")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".txt") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
                .filter { var folder: ObjCBool = false; return manager.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
                .sorted()
            files.append(contentsOf: found)
        }
        return files
    }
}

/// 1234567 → "1,234,567".
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (k, d) in digits.enumerated() {
        if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
