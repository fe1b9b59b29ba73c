/// Failures the command-line tool finds itself (not a library): input that does not suit a
/// command. Each message is one line ending in a hint.
enum CommandError: Error, Equatable, CustomStringConvertible {
    /// --lines: some lines had no plausible plaintext (each was named on standard error).
    case someLinesRefused(Int, of: Int)

    var description: String {
        switch self {
        case .someLinesRefused(let refused, let lines):
            return "\(refused) of \(lines) lines had no plausible plaintext (written unchanged); hint: those lines, named above, may be in a language without a model (caesar ngrams build) or not Caesar-enciphered"
        }
    }
}
