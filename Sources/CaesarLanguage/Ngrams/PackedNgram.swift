/// An n-gram of tokens packed into one `UInt64`: each token `t` (0…29) as `t + 1` in 5 bits,
/// the newest token in the lowest bits, so that
///
/// - an n-gram's **context** (all but its newest token) is `key >> 5`,
/// - its **suffix** of length m (its m newest tokens) is `key & mask(m)`,
/// - its **length** can be read from the key (no token packs to 0), and
/// - sorting keys of one length groups n-grams by context, successors in token order.
///
///     let key = PackedNgram.pack([Token.start.index, 19, 7])   // [start] t h
///     PackedNgram.length(key)        // 3
///     PackedNgram.newest(key)        // 7 (h)
///     PackedNgram.context(key)       // [start] t
///     PackedNgram.oldest(key)        // 28 ([start])
enum PackedNgram {
    static let bitsPerToken: UInt64 = 5
    /// The longest n-gram a key holds: 12 tokens in 60 bits.
    static let maximumLength = 12

    /// The key of `tokens`, oldest first.
    static func pack<C: Collection>(_ tokens: C) -> UInt64 where C.Element: BinaryInteger {
        precondition(tokens.count <= maximumLength, "at most \(maximumLength) tokens pack into a key")
        var key: UInt64 = 0
        for t in tokens { key = appending(key, UInt8(t)) }
        return key
    }

    /// The tokens of `key`, oldest first.
    static func tokens(_ key: UInt64) -> [UInt8] {
        (0..<length(key)).reversed().map { UInt8((key >> (bitsPerToken * UInt64($0))) & 31) - 1 }
    }

    @inline(__always) static func appending(_ key: UInt64, _ token: UInt8) -> UInt64 {
        precondition(token < 31, "token \(token) cannot be packed")
        return (key << bitsPerToken) | UInt64(token + 1)
    }

    @inline(__always) static func mask(_ length: Int) -> UInt64 {
        length >= maximumLength ? UInt64.max >> 4 : (UInt64(1) << (bitsPerToken * UInt64(length))) - 1
    }

    @inline(__always) static func length(_ key: UInt64) -> Int {
        (64 - key.leadingZeroBitCount + 4) / 5
    }

    @inline(__always) static func suffix(_ key: UInt64, _ length: Int) -> UInt64 { key & mask(length) }

    @inline(__always) static func context(_ key: UInt64) -> UInt64 { key >> bitsPerToken }

    @inline(__always) static func newest(_ key: UInt64) -> UInt8 { UInt8(key & 31) - 1 }

    @inline(__always) static func oldest(_ key: UInt64) -> UInt8 {
        UInt8((key >> (bitsPerToken * UInt64(length(key) - 1))) & 31) - 1
    }
}
