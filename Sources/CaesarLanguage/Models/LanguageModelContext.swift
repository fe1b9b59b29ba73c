import CaesarText

/// The token a message is read after: where the language models take it to begin.
///
/// A text that starts a sentence is read after `[start]`, as the models learned sentences.
/// A message cut from the middle of a sentence ("meeting is at dawn") starts at a word whose
/// sentence we do not see; the models read it after ``wordStart``, the reserved token 30
/// (`[pad]`, which the pipeline never produces and no decrypter ever reads), and learned from
/// every word of their corpus how often each word-initial string begins a word.
public enum LanguageModelContext {
    /// Token 30 as the language models use it: "a word begins here, after text not seen".
    public static let wordStart = UInt8(Token.pad.index)
}
