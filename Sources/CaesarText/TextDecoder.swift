/// Stage by stage in reverse: token indices, or rows of probabilities, back to text.
///
/// Letters become `a`–`z`, `.` stays, `[sep]` becomes a space, `[start]` and `[end]` mark
/// sentence boundaries (one space between two sentences), `[pad]` becomes nothing. For text
/// encoded without sentence splitting this gives back exactly `filter(normalize(text))`;
/// with splitting, sentences that met without whitespace ("Hi!Yo") come back with a space.
///
///     TextDecoder.decode(indices: [28, 7, 8, 29, 28, 24, 14, 26, 29])   // "hi yo."
///
/// To get the original case, accents and punctuation back, use the encoding's
/// ``RestorationRecord`` instead.
public enum TextDecoder {
    /// The text of token indices.
    ///
    /// - Precondition: every index is below ``Token/count`` (31).
    public static func decode(indices: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(indices.count)
        var sentenceEnded = false  // an [end] was seen: the next [start] needs a space
        for index in indices {
            precondition(index < Token.count, "token index \(index) is outside the vocabulary 0..<\(Token.count)")
            switch index {
            case 0..<26: output.append(UInt8(ascii: "a") + index)
            case 26: output.append(UInt8(ascii: "."))
            case 27: output.append(UInt8(ascii: " "))
            case 28:
                if sentenceEnded && output.last != UInt8(ascii: " ") { output.append(UInt8(ascii: " ")) }
                sentenceEnded = false
            case 29: sentenceEnded = true
            default: break  // [pad]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of probability (or logit) rows: each row's most likely token, then
    /// ``decode(indices:)``.
    public static func decode(probabilities: TokenMatrix) -> String {
        decode(indices: argmax(probabilities))
    }

    /// The most likely token of each row: the first column holding the row's maximum.
    /// NaN never wins; a row of only NaN gives 0.
    ///
    /// - Precondition: the matrix has ``Token/count`` (31) columns.
    public static func argmax(_ probabilities: TokenMatrix) -> [UInt8] {
        precondition(probabilities.columns == Token.count, "probability rows need \(Token.count) columns, one per token; got \(probabilities.columns)")
        return probabilities.values.withUnsafeBufferPointer { values in
            (0..<probabilities.rows).map { t in
                let row = values[(t * Token.count)..<((t + 1) * Token.count)]
                var best = row.startIndex
                for j in row.indices where row[j] > row[best] || (row[best].isNaN && !row[j].isNaN) { best = j }
                return UInt8(best - row.startIndex)
            }
        }
    }
}
