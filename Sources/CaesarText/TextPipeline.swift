/// The text pipeline, one public method per stage, so that each can be called and looked at:
///
///     let pipeline = try TextPipeline()
///     pipeline.normalize("Œuvre, café — 3 €!")   // "oeuvre, cafe — 3 €!"   a. lowercase, fold to a–z
///     pipeline.filter("oeuvre, cafe — 3 €!")     // "oeuvre cafe"            b. keep a–z and '.', one space a gap
///     try pipeline.tokenize("Œuvre, café — 3 €!")  // [[start] o e u v r e [sep] c a f e [end]]   c. sentences
///     try pipeline.encode("Œuvre, café — 3 €!")    // d. indices, e. one-hot, and the restoration record
///
/// ``encode(_:)`` runs stages a–c in one pass over the bytes (a fast path for ASCII, ICU
/// for the rest, each distinct non-ASCII scalar folded once and cached) and equals them
/// composed: without sentence splitting, `TextDecoder.decode(indices:)` of its indices is
/// `filter(normalize(text))`.
///
/// A pipeline owns ICU objects and caches and is not thread-safe: use one per thread.
/// The module README explains every stage with examples.
public final class TextPipeline {
    public struct Options: Sendable, Equatable {
        /// Where sentences end, and so where `[start]` … `[end]` go.
        public var sentences: SentenceSplitting

        public init(sentences: SentenceSplitting = .standard) {
            self.sentences = sentences
        }
    }

    /// How ``TextPipeline/tokenize(_:)`` and ``TextPipeline/encode(_:)`` cut text into sentences.
    public enum SentenceSplitting: Sendable, Equatable {
        /// ICU's sentence boundaries for a locale, on the original text (they need its capitals,
        /// `!` and `?`). A sentence ends at `.`, `!` or `?`; with `@ss=standard`, not after
        /// abbreviations such as "Mr." or "e.g.".
        case icu(locale: String)
        /// A sentence ends after a run of `.` tokens ("Wait... what" splits after the third
        /// `.`); `!` and `?` end nothing, as in the reference's `sentences`.
        case periods
        /// The whole text is one sequence.
        case none

        /// ICU with English abbreviations: `.icu(locale: "en@ss=standard")`.
        public static let standard = SentenceSplitting.icu(locale: "en@ss=standard")
    }

    /// The most UTF-8 bytes ``encode(_:)`` takes at once, just under 2 GiB: ICU's sentence
    /// breaker and the restoration record count in 32 bits. (``CorpusEncoder`` has no limit.)
    public static let maximumBytes = Int(Int32.max) - 1

    public let options: Options
    let folder: ScalarFolder
    let breaker: SentenceBreaker?

    /// Opens the ICU objects the options need (a transliterator, a sentence breaker).
    public init(options: Options = Options()) throws {
        self.options = options
        folder = try ScalarFolder()
        if case .icu(let locale) = options.sentences {
            breaker = try SentenceBreaker(locale: locale)
        } else {
            breaker = nil
        }
    }

    // MARK: - a. normalize

    /// Stage a: lowercases the text and folds Latin letters to a–z; nothing is removed yet.
    ///
    /// Each letter is lowercased (ICU, root locale), decomposed (NFKD), stripped of its
    /// nonspacing marks and, where that leaves a non-ASCII letter, transliterated with ICU's
    /// `Latin-ASCII`. A letter that does not come out as a–z that way (Greek, Cyrillic, CJK,
    /// …) is only lowercased, and stage b removes it.
    /// Characters that decompose to periods become periods. Nonspacing marks disappear.
    ///
    ///     normalize("Œuvre Straße ÆON ﬁn")  // "oeuvre strasse aeon fin"
    ///     normalize("Ωμέγα Ἀθῆναι")          // "ωμέγα ἀθῆναι" (only lowercased: not Latin)
    ///     normalize("Wait… ＯＫ．")            // "wait... ok."
    public func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        forEachScalar(of: text) { scalar, byte in
            if let byte {
                output.append(folder.asciiLowercase[Int(byte)])
            } else {
                output.append(contentsOf: folder.fold(scalar).normalized.utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - b. filter

    /// Stage b: keeps `a`–`z` and `.`, writes one space for each run of whitespace between
    /// words, and deletes everything else. Expects normalized text.
    ///
    /// Whitespace is Unicode's White_Space (space, tab, line breaks, NBSP, U+2000–U+200A,
    /// U+3000, …). Deleted means deleted, not replaced: "don't" → "dont". Whitespace at the
    /// ends gives no space, and runs of whitespace that only deleted characters separate
    /// merge into one space:
    ///
    ///     filter("don't stop, 1 2 3 go!")   // "dont stop go"
    ///     filter("  «ok» ... ")              // "ok ..."
    public func filter(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var gap = false  // whitespace seen since the last kept character
        forEachScalar(of: text) { scalar, _ in
            if let index = ScalarFolder.tokenIndex(scalar) {
                if gap && !output.isEmpty { output.append(UInt8(ascii: " ")) }
                gap = false
                output.append(index == 26 ? UInt8(ascii: ".") : UInt8(ascii: "a") + index)
            } else if folder.isWhiteSpace(scalar) {
                gap = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Calls `body` with each scalar of `text`, and with its byte when it is ASCII.
    private func forEachScalar(of text: String, _ body: (Unicode.Scalar, UInt8?) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            guard let p = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count {
                if p[i] < 0x80 {
                    body(Unicode.Scalar(p[i]), p[i])
                    i += 1
                } else {
                    let (scalar, length) = UTF8Decoding.scalar(at: i, in: p, count: bytes.count)
                    body(scalar, nil)
                    i += length
                }
            }
        }
    }

    // MARK: - c. tokenize

    /// Stage c: the tokens of each sentence, `[start]` … `[end]`, with `[sep]` between words.
    ///
    /// Takes the original text, not the filtered one: sentence boundaries need the capitals,
    /// `!` and `?` that the earlier stages remove. A sentence without letters or periods
    /// ("123!") gives no tokens at all.
    ///
    ///     tokenize("Hi! Mr. Li left.")   // [[start] h i [end], [start] m r . [sep] l i [sep] l e f t . [end]]
    public func tokenize(_ text: String) throws -> [[Token]] {
        let encoding = try encode(text)
        let tokens = encoding.tokens
        return encoding.sentences.map { Array(tokens[$0]) }
    }

    // MARK: - d, e. encode

    /// Stages a–c in one pass: the token indices, the sentence ranges, and the record that
    /// restores the input from them (``RestorationRecord``). ``Encoding/oneHot()`` is stage e.
    ///
    /// - Throws: ``TextError/textTooLong(bytes:limit:)`` beyond ``maximumBytes``.
    public func encode(_ text: String) throws -> Encoding {
        var text = text
        return try text.withUTF8 { try encode(utf8: $0) }
    }
}
