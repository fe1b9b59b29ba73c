import CaesarIO
import CaesarText

/// Every stage of the text pipeline for one text, as aligned text or as JSON: what
/// `caesar tokenize` shows, and the pipeline section of the model report.
public struct TokenizeReport: Encodable, Sendable {
    public struct Sentence: Encodable, Sendable {
        public let tokens: [String]
        public let indices: [Int]
    }

    public struct OneHot: Encodable, Sendable {
        public let rows: Int
        public let columns: Int
        /// The token of each column, in index order.
        public let columnTokens: [String]
        /// One array of `columns` zeros and ones per token.
        public let values: [[UInt8]]
    }

    public let original: String
    public let bytes: Int
    public let normalized: String
    public let filtered: String
    public let sentenceSplitting: String
    public let sentences: [Sentence]
    public let indices: [Int]
    public let oneHot: OneHot?
    public let restored: String
    public let restoredEqualsInput: Bool

    public init(text: String, pipeline: TextPipeline, oneHot: Bool) throws {
        let encoding = try pipeline.encode(text)
        let tokens = encoding.tokens
        original = text
        bytes = text.utf8.count
        normalized = pipeline.normalize(text)
        filtered = pipeline.filter(normalized)
        switch pipeline.options.sentences {
        case .icu(let locale): sentenceSplitting = "ICU sentence breaks, locale \(locale)"
        case .periods: sentenceSplitting = "after each run of periods"
        case .none: sentenceSplitting = "none (the whole text is one sequence)"
        }
        sentences = encoding.sentences.map { range in
            Sentence(tokens: tokens[range].map(\.description), indices: encoding.indices[range].map(Int.init))
        }
        indices = encoding.indices.map(Int.init)
        if oneHot {
            let matrix = encoding.oneHot()
            self.oneHot = OneHot(
                rows: matrix.rows, columns: matrix.columns, columnTokens: Token.all.map(\.description),
                values: (0..<matrix.rows).map { matrix.row($0).map { UInt8($0) } })
        } else {
            self.oneHot = nil
        }
        restored = encoding.record.restore(indices: encoding.indices)
        restoredEqualsInput = Array(restored.utf8) == Array(text.utf8)
    }

    /// The learner's view: one labelled line a stage, tokens above their indices.
    public func rendered() -> String {
        var lines = [
            "original    \(DisplayText.quoted(original))  (\(bytes) bytes)",
            "normalized  \(DisplayText.quoted(normalized))",
            "filtered    \(DisplayText.quoted(filtered))",
            "",
            "sentences   \(sentenceSplitting): \(sentences.count) sentence\(sentences.count == 1 ? "" : "s"), \(indices.count) tokens",
        ]
        if sentences.isEmpty { lines.append("            (no letters or periods, so no tokens)") }
        let number = String(sentences.count).count
        for (k, sentence) in sentences.enumerated() {
            let label = String(repeating: " ", count: number - String(k + 1).count) + "\(k + 1)  "
            lines += Self.aligned(sentence.tokens, over: sentence.indices.map(String.init), label: label)
        }
        if let oneHot { lines += [""] + Self.rendered(oneHot, tokens: sentences.flatMap(\.tokens)) }
        lines += [
            "",
            "restored    \(DisplayText.quoted(restored))",
            "round trip  " + (restoredEqualsInput ? "identical to the input, byte for byte" : "DIFFERENT from the input"),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Tokens over their indices, column by column, wrapped at about 100 characters.
    /// (Tokens, indices and labels are ASCII, so a string's UTF-8 count is its width.)
    static func aligned(_ top: [String], over bottom: [String], label: String) -> [String] {
        let indent = String(repeating: " ", count: 2 + label.utf8.count)
        var lines: [String] = []
        var upper = "  " + label, lower = indent
        var width = upper.utf8.count
        for (a, b) in zip(top, bottom) {
            let cell = max(a.utf8.count, b.utf8.count)
            if width + cell > 100 && width > indent.utf8.count {
                lines += [upper, lower]
                (upper, lower, width) = (indent, indent, indent.utf8.count)
            }
            upper += a + String(repeating: " ", count: cell + 1 - a.utf8.count)
            lower += b + String(repeating: " ", count: cell + 1 - b.utf8.count)
            width += cell + 1
        }
        lines += [upper, lower]
        for k in lines.indices {
            while lines[k].utf8.last == UInt8(ascii: " ") { lines[k].removeLast() }
        }
        return lines
    }

    /// The matrix with a header of one-character column names.
    static func rendered(_ oneHot: OneHot, tokens: [String]) -> [String] {
        let short = oneHot.columnTokens.map { name -> String in
            switch name {
            case "[sep]": return "_"
            case "[start]": return "<"
            case "[end]": return ">"
            case "[pad]": return "#"
            default: return name
            }
        }
        let width = String(max(oneHot.rows - 1, 0)).count
        let pad = { (s: String, n: Int) in s + String(repeating: " ", count: max(0, n - s.utf8.count)) }  // ASCII
        var lines = [
            "one-hot     \(oneHot.rows) × \(oneHot.columns): row t is token t, with a 1 in its index's column "
                + "(_ [sep], < [start], > [end], # [pad])",
            "  " + pad("t", width) + "  " + pad("token", 8) + short.joined(separator: " "),
        ]
        // A one-hot row is all dots but one 1: one ready-made row per column.
        let rowOf = (0..<oneHot.columns).map { hot in
            (0..<oneHot.columns).map { $0 == hot ? "1" : "·" }.joined(separator: " ")
        }
        let noOne = Array(repeating: "·", count: oneHot.columns).joined(separator: " ")
        for (t, row) in oneHot.values.enumerated() {
            let cells = row.firstIndex(of: 1).map { rowOf[$0] } ?? noOne
            let number = String(repeating: " ", count: width - String(t).count) + String(t)
            lines.append("  " + number + "  " + pad(tokens[t], 8) + cells)
        }
        return lines
    }
}
