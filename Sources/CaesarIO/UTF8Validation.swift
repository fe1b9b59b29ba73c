/// UTF-8 validation that reports *where* input goes wrong.
///
/// Swift's `String(validating:as:)` answers only yes or no; a user with a broken file needs
/// the byte offset. These functions follow RFC 3629 exactly: no overlong forms, no UTF-16
/// surrogates (U+D800–U+DFFF), nothing above U+10FFFF.
///
///     UTF8Validation.firstInvalidOffset(in: Array("añb".utf8))   // nil
///     UTF8Validation.firstInvalidOffset(in: [0x61, 0xC3])         // 1 (truncated sequence)
///     UTF8Validation.firstInvalidOffset(in: [0xC0, 0x80])         // 0 (overlong NUL)
public enum UTF8Validation {
    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, or `nil`
    /// when every byte is part of one.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        var i = 0
        while i < n {
            // Fast path: 32 ASCII bytes at a time (no byte has its high bit set); four words
            // OR-ed together cost one test, and text is mostly ASCII runs this long.
            if i + 32 <= n {
                let p = UnsafeRawPointer(base + i)
                let words = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if words & 0x8080_8080_8080_8080 == 0 {
                    i += 32
                    continue
                }
            }
            // Then eight at a time, jumping straight to the first non-ASCII byte (little-endian:
            // the lowest set high bit belongs to the earliest byte).
            if i + 8 <= n {
                let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
                i += high.trailingZeroBitCount / 8
            }
            let length = sequenceLength(at: i, in: base, count: n)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// Convenience for arrays and other contiguous collections.
    public static func firstInvalidOffset<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8 {
        if let answer = bytes.withContiguousStorageIfAvailable({ firstInvalidOffset(in: $0) }) {
            return answer
        }
        return Array(bytes).withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    /// How many bytes at the end of `bytes` begin a sequence that is not finished yet but
    /// could still be completed by more input (0...3). A streaming reader holds these back so
    /// that every chunk it validates ends on a character boundary.
    public static func incompleteSuffixLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        guard n > 0 else { return 0 }
        // A sequence is at most 4 bytes, so an unfinished one starts in the last 3.
        for back in 1...min(3, n) {
            let lead = bytes[n - back]
            if lead & 0xC0 == 0x80 { continue }  // continuation byte: look further back
            let needed = expectedLength(lead: lead)
            guard needed > back else { return 0 }
            // The bytes after the lead must be valid continuations so far.
            for k in 1..<back where !isValidContinuation(bytes[n - back + k], position: k, lead: lead) {
                return 0
            }
            return back
        }
        return 0
    }

    /// The length of the well-formed sequence starting at `i`, or 0 if it is ill-formed.
    @inline(__always)
    static func sequenceLength(at i: Int, in p: UnsafePointer<UInt8>, count n: Int) -> Int {
        let lead = p[i]
        if lead < 0x80 { return 1 }
        let length = expectedLength(lead: lead)
        guard length > 1, i + length <= n else { return 0 }
        for k in 1..<length where !isValidContinuation(p[i + k], position: k, lead: lead) {
            return 0
        }
        return length
    }

    /// Sequence length announced by a lead byte; 0 for bytes that cannot lead
    /// (continuations 80–BF, overlong leads C0–C1, and F5–FF beyond U+10FFFF).
    @inline(__always)
    static func expectedLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// RFC 3629's table: the second byte's range depends on the lead (this is what rules out
    /// overlongs, surrogates and code points above U+10FFFF); later bytes are 80–BF.
    @inline(__always)
    static func isValidContinuation(_ byte: UInt8, position: Int, lead: UInt8) -> Bool {
        if position == 1 {
            switch lead {
            case 0xE0: return (0xA0...0xBF).contains(byte)
            case 0xED: return (0x80...0x9F).contains(byte)
            case 0xF0: return (0x90...0xBF).contains(byte)
            case 0xF4: return (0x80...0x8F).contains(byte)
            default: break
            }
        }
        return byte & 0xC0 == 0x80
    }
}
