/// The letters a scorer looks at: ASCII `a`–`z` and `A`–`Z`, case-folded to alphabet indices
/// 0...25, with everything else (spaces, punctuation, digits, accented letters) skipped.
///
/// Scoring the letter sequence alone is standard practice for Caesar and substitution
/// cracking: the cipher moves only these letters, and n-grams then run across word gaps
/// ("of the" gives the quadgram `ofth`).
///
///     Letters.indices(in: "Hi, Zoë!")   // [7, 8, 25, 14]  (h i z o; ë is skipped)
public enum Letters {
    /// The alphabet index of an ASCII letter of either case, or `nil` for any other byte.
    @inline(__always)
    public static func index(of byte: UInt8) -> UInt8? {
        let offset = (byte | 0x20) &- UInt8(ascii: "a")  // bytes ≥ 0x80 land above 25
        return offset < 26 ? offset : nil
    }

    /// Appends the letters of `bytes` to `letters`, stopping once it holds `limit` of them.
    public static func append(from bytes: UnsafeBufferPointer<UInt8>, to letters: inout [UInt8], limit: Int = .max) {
        for byte in bytes {
            guard letters.count < limit else { return }
            if let index = index(of: byte) { letters.append(index) }
        }
    }

    /// All letters of `text`, as alphabet indices, at most `limit` of them.
    public static func indices(in text: String, limit: Int = .max) -> [UInt8] {
        var letters: [UInt8] = []
        var copy = text
        copy.withUTF8 { append(from: $0, to: &letters, limit: limit) }
        return letters
    }

    /// All letters of a byte array, as alphabet indices, at most `limit` of them.
    public static func indices(in bytes: [UInt8], limit: Int = .max) -> [UInt8] {
        var letters: [UInt8] = []
        bytes.withUnsafeBufferPointer { append(from: $0, to: &letters, limit: limit) }
        return letters
    }

    /// The bytes of `text` up to its `count`-th ASCII letter (all of it when it has fewer).
    /// Cutting after an ASCII byte keeps UTF-8 whole.
    public static func prefix(of text: [UInt8], letters count: Int) -> [UInt8] {
        var seen = 0
        for (i, byte) in text.enumerated() where index(of: byte) != nil {
            seen += 1
            if seen == count { return Array(text[...i]) }
        }
        return text
    }
}
