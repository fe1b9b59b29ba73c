/// Failures the command-line tool finds itself (not a library): running other programs for
/// benchmarks, and input that does not suit a command. Each message is one line ending in a hint.
enum CommandError: Error, Equatable, CustomStringConvertible {
    case cannotRun(command: String, reason: String)
    case failed(command: String, status: Int32)
    case outputsDiffer(first: String, second: String, offset: Int)
    /// Fewer characters than one window of the model's length.
    case textTooShort(source: String, characters: Int, needed: Int)
    /// More tokens than a page shows.
    case textTooLong(tokens: Int, limit: Int)
    /// A model whose input or output is not the 31 tokens.
    case notADecrypter(path: String, inputs: Int, outputs: Int)
    /// --lines: some lines had no plausible plaintext (each was named on standard error).
    case someLinesRefused(Int, of: Int)

    var description: String {
        switch self {
        case .cannotRun(let command, let reason):
            return "cannot run '\(command)': \(reason); hint: check that it is installed and on PATH"
        case .failed(let command, let status):
            return "'\(command)' failed with exit status \(status); hint: run it by hand to see its message"
        case .outputsDiffer(let first, let second, let offset):
            return "the outputs of '\(first)' and '\(second)' differ from byte \(offset); hint: the two do not compute the same rotation"
        case .textTooShort(let source, let characters, let needed):
            return "\(source) has \(characters) characters, fewer than one window of \(needed); hint: give a longer text, or a smaller --seq-len"
        case .textTooLong(let tokens, let limit):
            return "the text gives \(tokens) tokens, more than the \(limit) the report shows; hint: give a shorter --text"
        case .notADecrypter(let path, let inputs, let outputs):
            return "model '\(path)' reads \(inputs) and writes \(outputs) classes, not the 31 tokens; hint: use a model written by 'caesar train'"
        case .someLinesRefused(let refused, let lines):
            return "\(refused) of \(lines) lines had no plausible plaintext (written unchanged); hint: those lines, named above, may be in a language without a model (caesar ngrams build) or not Caesar-enciphered"
        }
    }
}
