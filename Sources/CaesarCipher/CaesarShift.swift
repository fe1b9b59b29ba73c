/// The Caesar cipher on raw text: ASCII letters move `key` places along the alphabet and keep
/// their case; every other byte (digits, punctuation, accented letters, any non-ASCII
/// character) is copied unchanged.
///
/// Works on UTF-8 bytes directly: bytes of multi-byte sequences are all ≥ 0x80, so they can
/// never be mistaken for ASCII letters, and valid UTF-8 stays valid.
///
///     CaesarShift(key: 3).apply(to: "Hello, World!")   // "Khoor, Zruog!"
///     CaesarShift(key: -29).apply(to: "Khoor")          // "Hello" (keys work mod 26)
///     CaesarShift(parsing: "-100000000000000000000003")  // key 23: any length of digits
public struct CaesarShift: Sendable, Equatable {
    /// The key reduced to 0...25.
    public let key: Int
    /// Byte → byte for all 256 values: one table lookup per byte.
    private let table: [UInt8]

    public init(key: Int) {
        let k = ((key % 26) + 26) % 26
        self.key = k
        var table = (0...255).map { UInt8($0) }
        for i in 0..<26 {
            table[Int(UInt8(ascii: "a")) + i] = UInt8(ascii: "a") + UInt8((i + k) % 26)
            table[Int(UInt8(ascii: "A")) + i] = UInt8(ascii: "A") + UInt8((i + k) % 26)
        }
        self.table = table
    }

    /// Parses a decimal integer of any length (optional `+` or `-`), reducing it mod 26 digit by
    /// digit so that keys beyond `Int` still work; `nil` for anything that is not an integer.
    public init?(parsing text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Horner's rule mod 26: (r·10 + d) mod 26 keeps every step small.
        let residue = digits.reduce(0) { r, d in (r * 10 + Int(d.asciiValue! - UInt8(ascii: "0"))) % 26 }
        self.init(key: negative ? -residue : residue)
    }

    /// ROT13, its own inverse.
    public static let rot13 = CaesarShift(key: 13)

    /// The shift that undoes this one.
    public var inverse: CaesarShift { CaesarShift(key: -key) }

    /// The plain reference for ``apply(_:into:count:)``: one table lookup per byte. Tests hold
    /// the fast path equal to this one.
    public func applyReference(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, count: Int) {
        table.withUnsafeBufferPointer { t in
            for i in 0..<count { destination[i] = t[Int(source[i])] }
        }
    }

    public func apply(to text: String) -> String {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            apply(base, into: base, count: b.count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shifts a byte array; the bytes need not be UTF-8 (only ASCII letters change).
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        result.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            apply(base, into: base, count: b.count)
        }
        return result
    }
}
