/// The 31 tokens the models read and write, in a fixed order.
///
/// The order is part of the task definition this project implements: letters first, so
/// that a Caesar shift by `k` is `(index + k) mod 26` on token indices, and the same indices
/// as the PyTorch reference, so that models move between the two unchanged.
///
/// | index | token |
/// |---|---|
/// | 0–25 | `a`–`z` |
/// | 26 | `.` |
/// | 27 | `[sep]` (one per run of whitespace between words) |
/// | 28 | `[start]` |
/// | 29 | `[end]` |
/// | 30 | `[pad]` (reserved, never produced by the pipeline) |
public enum Token: Hashable, Sendable, CustomStringConvertible {
    case letter(UInt8)  // 0...25
    case period
    case separator
    case start
    case end
    case pad

    /// Every token, in index order.
    public static let all: [Token] = (0..<26).map { .letter(UInt8($0)) } + [.period, .separator, .start, .end, .pad]

    /// The vocabulary size, V = 31.
    public static let count = 31

    public init?(index: Int) {
        guard (0..<Token.count).contains(index) else { return nil }
        self = Token.all[index]
    }

    /// The token for a lowercase ASCII letter or `.`; `nil` for anything else.
    public init?(character: Character) {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .letter(ascii - UInt8(ascii: "a"))
        case UInt8(ascii: "."): self = .period
        default: return nil
        }
    }

    public var index: Int {
        switch self {
        case .letter(let k): return Int(k)
        case .period: return 26
        case .separator: return 27
        case .start: return 28
        case .end: return 29
        case .pad: return 30
        }
    }

    /// How a learner sees the token: `a`, `.`, `[sep]`, `[start]`, `[end]`, `[pad]`.
    public var description: String {
        switch self {
        case .letter(let k): return String(UnicodeScalar(UInt8(ascii: "a") + k))
        case .period: return "."
        case .separator: return "[sep]"
        case .start: return "[start]"
        case .end: return "[end]"
        case .pad: return "[pad]"
        }
    }

    /// Letters shift by `key` (any integer, negative too); every other token is unchanged.
    public func shifted(by key: Int) -> Token {
        guard case .letter(let k) = self else { return self }
        return .letter(Token.shifted(index: k, by: key))
    }

    /// A token index shifted by `key` (any integer) when it is a letter, 0…25; any other index
    /// unchanged. The one rotation of the project: encrypting adds the key, decrypting
    /// subtracts it.
    @inlinable public static func shifted(index: UInt8, by key: Int) -> UInt8 {
        index < 26 ? UInt8(((Int(index) + key) % 26 + 26) % 26) : index
    }

    /// A key as 0…25: any integer, negative too, works mod 26 (the shift that moves `a` to it).
    @inlinable public static func normalizedKey(_ key: Int) -> Int { Int(shifted(index: 0, by: key)) }
}
