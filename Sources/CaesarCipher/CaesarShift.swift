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
    /// What moves. The classical cipher moves letters; the variants other tools offer move
    /// digits along with them, or every printable ASCII character (ROT47).
    public enum Alphabet: String, Sendable, Equatable, CaseIterable {
        /// A–Z and a–z, 26 places, case kept: the Caesar cipher.
        case letters
        /// Letters as above, and 0–9 by the same key mod 10 (what CyberChef's ROT13 does with
        /// "rotate numbers").
        case lettersAndDigits = "letters-digits"
        /// The 94 printable ASCII characters `!` (33) to `~` (126), one alphabet: ROT47 is key 47.
        case printable

        /// Keys that give the same cipher are equal mod this: 26; 130 = lcm(26, 10) when digits
        /// move too; 94.
        public var keyModulus: Int {
            switch self {
            case .letters: return 26
            case .lettersAndDigits: return 130
            case .printable: return 94
            }
        }
    }

    /// The key reduced mod the alphabet's ``Alphabet/keyModulus`` (0...25 for letters).
    public let key: Int
    public let alphabet: Alphabet
    /// Byte → byte for all 256 values: one table lookup per byte.
    private let table: [UInt8]

    public init(key: Int, alphabet: Alphabet = .letters) {
        let modulus = alphabet.keyModulus
        let k = ((key % modulus) + modulus) % modulus
        self.key = k
        self.alphabet = alphabet
        var table = (0...255).map { UInt8($0) }
        /// Moves the `size` bytes from `first` on by `k` places, wrapping within them.
        func rotate(from first: UInt8, size: Int) {
            for i in 0..<size { table[Int(first) + i] = first + UInt8((i + k) % size) }
        }
        switch alphabet {
        case .letters, .lettersAndDigits:
            rotate(from: UInt8(ascii: "a"), size: 26)
            rotate(from: UInt8(ascii: "A"), size: 26)
            if alphabet == .lettersAndDigits { rotate(from: UInt8(ascii: "0"), size: 10) }
        case .printable:
            rotate(from: UInt8(ascii: "!"), size: 94)
        }
        self.table = table
    }

    /// Parses a decimal integer of any length (optional `+` or `-`), reducing it mod the
    /// alphabet's key modulus digit by digit so that keys beyond `Int` still work; `nil` for
    /// anything that is not an integer.
    public init?(parsing text: String, alphabet: Alphabet = .letters) {
        guard let key = Self.integer(parsing: text, modulo: alphabet.keyModulus) else { return nil }
        self.init(key: key, alphabet: alphabet)
    }

    /// A decimal integer of any length (optional `+` or `-`) reduced mod `modulus`, keeping its
    /// sign (−modulus < result < modulus); `nil` for anything that is not an integer.
    public static func integer(parsing text: String, modulo modulus: Int) -> Int? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Horner's rule mod m: (r·10 + d) mod m keeps every step small.
        let residue = digits.reduce(0) { r, d in (r * 10 + Int(d.asciiValue! - UInt8(ascii: "0"))) % modulus }
        return negative ? -residue : residue
    }

    /// ROT13, its own inverse.
    public static let rot13 = CaesarShift(key: 13)
    /// ROT47, its own inverse: every printable ASCII character moved halfway round its 94.
    public static let rot47 = CaesarShift(key: 47, alphabet: .printable)

    /// The same key over another alphabet (a key found from the letters, applied to the digits too).
    public func over(_ alphabet: Alphabet) -> CaesarShift { CaesarShift(key: key, alphabet: alphabet) }

    /// The shift that undoes this one.
    public var inverse: CaesarShift { CaesarShift(key: -key, alphabet: alphabet) }

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
