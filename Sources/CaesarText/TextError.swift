/// What can go wrong in the text pipeline. Each message is one line: the problem with the
/// offending value, then a hint.
public enum TextError: Error, Equatable, CustomStringConvertible {
    /// An ICU call failed; `status` is ICU's error name ("U_MEMORY_ALLOCATION_ERROR").
    case icuFailure(operation: String, status: String)
    /// The text is longer than ``TextPipeline/encode(_:)`` takes at once
    /// (``TextPipeline/maximumBytes``).
    case textTooLong(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .icuFailure(let operation, let status):
            return "ICU could not \(operation) (\(status)); "
                + "hint: check that Debian's libicu72 is installed and complete (apt-get install --reinstall libicu72)"
        case .textTooLong(let bytes, let limit):
            return "the text has \(bytes) bytes, more than the pipeline encodes at once (\(limit)); "
                + "hint: encode it in parts, or use CorpusEncoder for a token stream without a record"
        }
    }
}
