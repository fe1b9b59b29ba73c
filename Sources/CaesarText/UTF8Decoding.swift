/// One Unicode scalar at a time from UTF-8 bytes, for the byte loops of the fast paths.
enum UTF8Decoding {
    /// The scalar that starts at `i` and its length in bytes. Ill-formed bytes (possible only
    /// when a caller hands in raw bytes) decode as U+FFFD one byte at a time and never trap;
    /// the pipeline deletes U+FFFD, so how many replacements a bad sequence gives does not
    /// change the tokens.
    @inline(__always)
    static func scalar(at i: Int, in p: UnsafePointer<UInt8>, count n: Int) -> (Unicode.Scalar, Int) {
        let lead = p[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
        default: return (replacement, 1)
        }
        guard i + length <= n else { return (replacement, 1) }
        for k in 1..<length {
            let byte = p[i + k]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000  // no overlongs
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return (replacement, 1) }
        return (scalar, length)
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"
}
