/// Text as a language model reads it: sentences of tokens, each `[start]` … `[end]`.
///
/// The pipeline (ICU sentence breaks) folds case and accents, keeps a–z and `.`, and writes
/// `[sep]` between words: "Où est-il? Là." becomes
/// `[start] o u [sep] e s t i l [end] [start] l a . [end]`. Language models learn from these
/// sentences and score candidate plaintexts cut the same way, so both see one kind of text.
public enum SentenceTokens {
    /// The sentence rule for language models and the messages they score: ICU's, with English
    /// abbreviations (other languages' sentences end at the same `.`, `!` and `?`).
    public static let splitting = TextPipeline.SentenceSplitting.standard

    /// The content of each sentence of `text` (without `[start]` and `[end]`).
    public static func sentences(of text: String, pipeline: TextPipeline) throws -> [ArraySlice<UInt8>] {
        let encoding = try pipeline.encode(text)
        return encoding.sentences.map { encoding.indices[($0.lowerBound + 1)..<($0.upperBound - 1)] }
    }

    /// The sentences back to back, each `[start]` … `[end]`: one stream for a model.
    public static func stream<S: Sequence>(_ sentences: S) -> [UInt8] where S.Element: Collection<UInt8> {
        var tokens: [UInt8] = []
        for s in sentences {
            tokens.append(UInt8(Token.start.index))
            tokens.append(contentsOf: s)
            tokens.append(UInt8(Token.end.index))
        }
        return tokens
    }
}
