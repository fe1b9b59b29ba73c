import CICU

/// ICU's sentence break iterator over UTF-8 text, reporting byte offsets. (The shim hands ICU
/// the text in UTF-16, on which it runs about twice as fast, and maps the offsets back.)
///
/// A locale with `@ss=standard` ("en@ss=standard") adds ICU's list of abbreviations after
/// which a period ends no sentence, so "Mr. Smith left." stays one sentence. ICU ends
/// sentences at `.`, `!`, `?` and their relatives in other scripts, and puts each boundary
/// after the whitespace that follows the terminator.
///
/// Unicode's rules also end a sentence at every line break, which would make each line of a
/// hard-wrapped book a sentence. So ICU is shown each single line break as a space: a line
/// break alone is layout; a blank line (or U+2029) still ends a sentence.
final class SentenceBreaker {
    let locale: String
    private let handle: OpaquePointer

    init(locale: String) throws {
        var status: Int32 = 0
        guard let handle = caesar_sentence_breaker_open(locale, &status), !ICU.isFailure(status) else {
            throw TextError.icuFailure(operation: "open a sentence break iterator for locale '\(locale)'", status: ICU.name(of: status))
        }
        self.locale = locale
        self.handle = handle
    }

    deinit { caesar_sentence_breaker_close(handle) }

    /// Byte offsets where a sentence starts, after 0 and before `text.count`, ascending.
    ///
    ///     "Hi! Mr. Smith left. Yes" → [4, 20]
    func boundaries(in text: UnsafeBufferPointer<UInt8>) throws -> [Int] {
        guard text.count <= TextPipeline.maximumBytes else {
            throw TextError.textTooLong(bytes: text.count, limit: TextPipeline.maximumBytes)
        }
        var status: Int32 = 0
        caesar_sentence_breaker_set_text(handle, text.baseAddress, Int64(text.count), 1, &status)
        guard !ICU.isFailure(status) else { throw TextError.icuFailure(operation: "find sentence boundaries", status: ICU.name(of: status)) }
        var result: [Int] = []
        while case let next = caesar_sentence_breaker_next(handle), next >= 0, next < text.count {
            result.append(Int(next))
        }
        return result
    }
}
