/// Failures the command-line tool finds itself (not a library): running other programs for
/// benchmarks, and input that does not suit a command. Each message is one line ending in a hint.
enum CommandError: Error, Equatable, CustomStringConvertible {
    case cannotRun(command: String, reason: String)
    case failed(command: String, status: Int32)
    case outputsDiffer(first: String, second: String, offset: Int)
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
        case .someLinesRefused(let refused, let lines):
            return "\(refused) of \(lines) lines had no plausible plaintext (written unchanged); hint: those lines, named above, may be in a language without a model (caesar ngrams build) or not Caesar-enciphered"
        }
    }
}
