import CaesarText

/// What `caesar tokenize` shows: every stage, as aligned text or as JSON.
struct TokenizeReport: Encodable {
    struct Sentence: Encodable {
        let tokens: [String]
        let indices: [Int]
    }

    struct OneHot: Encodable {
        let rows: Int
        let columns: Int
        /// The token of each column, in index order.
        let columnTokens: [String]
        /// One array of `columns` zeros and ones per token.
        let values: [[Int]]
    }

    let original: String
    let bytes: Int
    let normalized: String
    let filtered: String
    let sentenceSplitting: String
    let sentences: [Sentence]
    let indices: [Int]
    let oneHot: OneHot?
    let restored: String
    let restoredEqualsInput: Bool

    init(text: String, pipeline: TextPipeline, oneHot: Bool) throws {
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
                values: (0..<matrix.rows).map { matrix.row($0).map { Int($0) } })
        } else {
            self.oneHot = nil
        }
        restored = encoding.record.restore(indices: encoding.indices)
        restoredEqualsInput = Array(restored.utf8) == Array(text.utf8)
    }

    /// The learner's view: one labelled line a stage, tokens above their indices.
    func rendered() -> String {
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
    static func aligned(_ top: [String], over bottom: [String], label: String) -> [String] {
        let indent = "  " + String(repeating: " ", count: label.count)
        var lines: [String] = []
        var upper = "  " + label, lower = indent
        for (a, b) in zip(top, bottom) {
            let width = max(a.count, b.count)
            if upper.count + width > 100 && upper.count > indent.count {
                lines += [upper, lower]
                (upper, lower) = (indent, indent)
            }
            upper += a.padding(toLength: width + 1, withPad: " ", startingAt: 0)
            lower += b.padding(toLength: width + 1, withPad: " ", startingAt: 0)
        }
        return (lines + [upper, lower]).map { String($0.reversed().drop { $0 == " " }.reversed()) }
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
        let pad = { (s: String, n: Int) in s.padding(toLength: n, withPad: " ", startingAt: 0) }
        var lines = [
            "one-hot     \(oneHot.rows) × \(oneHot.columns): row t is token t, with a 1 in its index's column "
                + "(_ [sep], < [start], > [end], # [pad])",
            "  " + pad("t", width) + "  " + pad("token", 8) + short.joined(separator: " "),
        ]
        for (t, row) in oneHot.values.enumerated() {
            let cells = row.map { $0 == 1 ? "1" : "·" }.joined(separator: " ")
            let number = String(repeating: " ", count: width - String(t).count) + String(t)
            lines.append("  " + number + "  " + pad(tokens[t], 8) + cells)
        }
        return lines
    }
}
