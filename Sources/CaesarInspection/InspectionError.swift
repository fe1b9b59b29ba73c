/// Why a page could not be made for a model or a text. One line each: the problem, then a hint.
public enum InspectionError: Error, Equatable, CustomStringConvertible {
    /// A model whose input or output is not the 31 tokens.
    case notADecrypter(path: String, inputs: Int, outputs: Int)
    /// Fewer characters than one window of the model's length.
    case textTooShort(source: String, characters: Int, needed: Int)
    /// More tokens than a page shows.
    case textTooLong(tokens: Int, limit: Int)

    public var description: String {
        switch self {
        case .notADecrypter(let path, let inputs, let outputs):
            return "model '\(path)' reads \(inputs) and writes \(outputs) classes, not the 31 tokens; hint: use a model written by 'caesar train'"
        case .textTooShort(let source, let characters, let needed):
            return "\(source) has \(characters) characters, fewer than one window of \(needed); hint: give a longer text, or a smaller --seq-len"
        case .textTooLong(let tokens, let limit):
            return "the text gives \(tokens) tokens, more than the \(limit) the report shows; hint: give a shorter --text"
        }
    }
}
