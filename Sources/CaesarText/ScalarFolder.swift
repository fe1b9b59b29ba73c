import CICU

/// The case a letter was written in, so that restoring can write a new letter the same way.
enum LetterCase: UInt8, Sendable {
    case lower, upper, title
}

/// What the pipeline does with one Unicode scalar.
///
/// The whole pipeline is defined one scalar at a time (stage a and b of the module README),
/// which is what makes it cacheable, streamable and exactly reversible:
///
/// | role | scalars | tokens |
/// |---|---|---|
/// | `.content` | letters that fold to a–z, and `.`-like punctuation | a–z, `.` |
/// | `.whitespace` | Unicode White_Space | a run becomes one `[sep]` |
/// | `.mark` | combining marks (Mn, Mc, Me) | none; they belong to the letter before |
/// | `.deleted` | everything else | none |
struct ScalarFold: Sendable, Equatable {
    enum Role: UInt8, Sendable, Equatable {
        case content, whitespace, mark, deleted
    }

    var role: Role
    /// Token indices for `.content` (letters 0–25, `.` 26); empty for every other role.
    var tokens: [UInt8]
    /// The scalar's case, when it is a letter.
    var letterCase: LetterCase
    /// What stage a (normalize) writes for the scalar: "É" → "e", "ß" → "ss", "Ω" → "ω",
    /// "…" → "...", a nonspacing mark → "", anything else its lowercase.
    var normalized: String
}

/// Computes ``ScalarFold``s with ICU and caches them, one entry per distinct scalar.
///
/// Not thread-safe (it owns a mutable cache and an ICU transliterator): give each thread its
/// own pipeline or encoder.
final class ScalarFolder {
    /// ICU's Latin-ASCII transliterator, for the Latin letters NFKD leaves non-ASCII
    /// (ß, æ, œ, ø, ł, đ, þ, ı, …). It leaves other scripts alone. Opened the first time such
    /// a letter comes: opening costs 20–35 ms, most texts never need it, and a command that
    /// reads one short message should not wait for it.
    private var latinASCIIHandle: Transliterator?
    private var cache: [UInt32: ScalarFold] = [:]

    private func latinASCII() throws -> Transliterator {
        if let handle = latinASCIIHandle { return handle }
        let handle = try Transliterator("Latin-ASCII")
        latinASCIIHandle = handle
        return handle
    }

    /// The fold of each ASCII byte in one byte, for the fast paths: a token index 0–26,
    /// ``whitespaceCode``, or ``deletedCode``. Computed with ICU like every other scalar.
    let asciiCodes: [UInt8]
    static let whitespaceCode: UInt8 = 27
    static let deletedCode: UInt8 = 255
    /// Stage a for each ASCII byte (its lowercase), from the same ICU folds.
    let asciiLowercase: [UInt8]

    init() throws {
        var codes = [UInt8](repeating: 0, count: 128)
        var lowercase = [UInt8](repeating: 0, count: 128)
        for byte in 0..<128 {
            // No ASCII letter needs the transliterator.
            let fold = try Self.compute(Unicode.Scalar(UInt8(byte)), latinASCII: { preconditionFailure("ASCII needs no transliteration") })
            cache[UInt32(byte)] = fold
            precondition(fold.normalized.utf8.count == 1, "ASCII normalizes to ASCII")
            lowercase[byte] = fold.normalized.utf8.first!
            switch fold.role {
            case .content:
                precondition(fold.tokens.count == 1, "an ASCII character folds to one token")
                codes[byte] = fold.tokens[0]
            case .whitespace: codes[byte] = Self.whitespaceCode
            case .mark, .deleted: codes[byte] = Self.deletedCode
            }
        }
        (asciiCodes, asciiLowercase) = (codes, lowercase)
    }

    /// The fold of `scalar`, from the cache or computed once.
    func fold(_ scalar: Unicode.Scalar) -> ScalarFold {
        if let known = cache[scalar.value] { return known }
        let fold: ScalarFold
        do {
            fold = try compute(scalar)
        } catch {
            // The same calls succeeded for all of ASCII in init; failing now means ICU broke.
            preconditionFailure("ICU failed on U+\(String(scalar.value, radix: 16, uppercase: true)): \(error)")
        }
        cache[scalar.value] = fold
        return fold
    }

    /// Whether `scalar` is Unicode White_Space, from the cache for ASCII.
    func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiCodes[Int(scalar.value)] == Self.whitespaceCode : ICU.isWhiteSpace(scalar)
    }

    /// The uncached definition.
    func compute(_ scalar: Unicode.Scalar) throws -> ScalarFold {
        try Self.compute(scalar, latinASCII: latinASCII)
    }

    private static func compute(_ scalar: Unicode.Scalar, latinASCII: () throws -> Transliterator) throws -> ScalarFold {
        let utf16 = Array(String(scalar).utf16)
        if ICU.isWhiteSpace(scalar) {
            return ScalarFold(role: .whitespace, tokens: [], letterCase: .lower, normalized: String(scalar))
        }
        let category = ICU.generalCategory(scalar)
        switch category {
        case Int32(CAESAR_CATEGORY_UPPERCASE_LETTER)...Int32(CAESAR_CATEGORY_OTHER_LETTER):
            // Stage a for letters: lowercase, decompose, drop the accents, transliterate what
            // is still non-ASCII, and lowercase again (NFKD turns "ᴬ" into "A").
            var text = try ICU.nfkd(ICU.lowercased(utf16))
            text = Self.droppingNonspacingMarks(text)
            if text.contains(where: { $0 >= 0x80 }) { text = try latinASCII().apply(text) }
            let folded = String(decoding: try ICU.lowercased(text), as: UTF16.self)
            let tokens = folded.unicodeScalars.compactMap(Self.tokenIndex)
            guard !tokens.isEmpty else {
                // Not a Latin letter (Greek, Arabic, CJK, …): only lowercased, for stage b
                // to remove. (Its NFKD may even hold spaces: U+FDFA is a whole phrase.)
                let lowered = String(decoding: try ICU.lowercased(utf16), as: UTF16.self)
                return ScalarFold(role: .deleted, tokens: [], letterCase: .lower, normalized: lowered)
            }
            let letterCase: LetterCase = category == Int32(CAESAR_CATEGORY_UPPERCASE_LETTER) ? .upper
                : category == Int32(CAESAR_CATEGORY_TITLECASE_LETTER) ? .title : .lower
            return ScalarFold(role: .content, tokens: tokens, letterCase: letterCase, normalized: folded)
        case Int32(CAESAR_CATEGORY_NON_SPACING_MARK)...Int32(CAESAR_CATEGORY_COMBINING_SPACING_MARK):
            let dropped = category == Int32(CAESAR_CATEGORY_NON_SPACING_MARK)
            return ScalarFold(role: .mark, tokens: [], letterCase: .lower, normalized: dropped ? "" : String(scalar))
        default:
            // '.' and what decomposes to periods only: "．" → ".", "…" → "...".
            let decomposed = try ICU.nfkd(utf16)
            if !decomposed.isEmpty, decomposed.allSatisfy({ $0 == 0x2E /* "." */ }) {
                return ScalarFold(role: .content, tokens: Array(repeating: 26, count: decomposed.count),
                                  letterCase: .lower, normalized: String(repeating: ".", count: decomposed.count))
            }
            let lowered = String(decoding: try ICU.lowercased(utf16), as: UTF16.self)
            return ScalarFold(role: .deleted, tokens: [], letterCase: .lower, normalized: lowered)
        }
    }

    /// The token index of a–z (0–25) and `.` (26); nil for anything else.
    static func tokenIndex(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "a"..."z": return UInt8(scalar.value - 97)
        case ".": return 26
        default: return nil
        }
    }

    private static func droppingNonspacingMarks(_ utf16: [UInt16]) -> [UInt16] {
        let kept = String(decoding: utf16, as: UTF16.self).unicodeScalars.filter {
            ICU.generalCategory($0) != Int32(CAESAR_CATEGORY_NON_SPACING_MARK)
        }
        return Array(String(String.UnicodeScalarView(kept)).utf16)
    }
}
