import CaesarText

/// A ciphertext as the language models read it, ready to be decrypted with any key.
///
/// Its tokens are those of its sentences, `[start] … [end] [start] …`, without the last
/// `[end]`: a message may stop anywhere, so it is scored as the beginning of a text. Only
/// the letters the cipher moved rotate back (``RestorationRecord/shiftedByCipher``): an
/// accented letter of French or German ciphertext was never encrypted, and stays the plaintext
/// letter it is.
///
///     let c = try CiphertextTokens("Où hvw oh fkdw?", pipeline: pipeline)
///     c.plaintext(key: 3)   // [start] o u [sep] e s t [sep] l e [sep] c h a t
public struct CiphertextTokens: Sendable, Equatable {
    /// `[start]`, the sentences' tokens, `[end] [start]` between sentences.
    public private(set) var tokens: [UInt8]
    /// Which of ``tokens`` the cipher moved.
    public let shifted: [Bool]
    /// Whether the text's first letter is a capital (the cipher keeps case): a hint that it
    /// begins a sentence.
    public var beginsWithCapital = false

    /// The ciphertext's tokens, up to its `prefixLetters`-th encrypted letter (a long text is
    /// judged by its beginning).
    public init(_ text: String, pipeline: TextPipeline, prefixLetters: Int = .max) throws {
        precondition(prefixLetters > 0, "a prefix holds at least one letter")
        let encoding = try pipeline.encode(text)
        var tokens: [UInt8] = [], shifted: [Bool] = []
        var letters = 0
        let mask = encoding.record.shiftedByCipher
        for (index, token) in encoding.indices.enumerated() where letters < prefixLetters {
            tokens.append(token)
            shifted.append(mask[index])
            if mask[index] { letters += 1 }
        }
        if tokens.last == UInt8(Token.end.index) {
            tokens.removeLast()
            shifted.removeLast()
        }
        self.init(tokens: tokens, shifted: shifted)
        beginsWithCapital = text.unicodeScalars.first { $0.properties.isAlphabetic }?.properties.isUppercase ?? false
    }

    /// The same tokens read after another first token: `[start]` or
    /// ``LanguageModelContext/wordStart``.
    public func startingWith(_ context: UInt8) -> CiphertextTokens {
        var copy = self
        copy.tokens[0] = context
        return copy
    }

    public init(tokens: [UInt8], shifted: [Bool]) {
        precondition(tokens.count == shifted.count, "one flag per token")
        self.tokens = tokens.isEmpty || tokens[0] != UInt8(Token.start.index) ? [UInt8(Token.start.index)] + tokens : tokens
        self.shifted = self.tokens.count == tokens.count ? shifted : [false] + shifted
    }

    /// How many letters the cipher moved: what the key is judged on.
    public var letters: Int { shifted.filter { $0 }.count }

    /// The tokens decrypted with `key`: every moved letter shifted back by it.
    public func plaintext(key: Int) -> [UInt8] {
        zip(tokens, shifted).map { token, moved in moved ? Token.shifted(index: token, by: -key) : token }
    }
}
