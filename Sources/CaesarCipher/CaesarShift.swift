/// The Caesar cipher on raw text: ASCII letters move `key` places along the alphabet and keep
/// their case; every other byte (digits, punctuation, accented letters, any non-ASCII
/// character) is copied unchanged.
///
/// Works on UTF-8 bytes directly: bytes of multi-byte sequences are all ≥ 0x80, so they can
/// never be mistaken for ASCII letters, and valid UTF-8 stays valid.
///
///     CaesarShift(key: 3).apply(to: "Hello, World!")   // "Khoor, Zruog!"
///     CaesarShift(key: -29).apply(to: "Khoor")          // "Hello" (keys work mod 26)
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

    /// ROT13, its own inverse.
    public static let rot13 = CaesarShift(key: 13)

    /// The shift that undoes this one.
    public var inverse: CaesarShift { CaesarShift(key: -key) }

    /// Shifts `count` bytes from `source` into `destination` (which may be the same memory).
    public func apply(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, count: Int) {
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
}
