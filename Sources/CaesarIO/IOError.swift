#if canImport(Glibc)
import Glibc
#endif

/// Everything that can go wrong reading input or writing output. Each message is one line:
/// what went wrong, with the offending thing named, then a hint.
public enum IOError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotRead(source: String, reason: String)
    case cannotWrite(destination: String, reason: String)
    case invalidUTF8(source: String, offset: Int)
    case tooLarge(source: String, limit: Int)
    /// The reader of standard output went away (`caesar ... | head`); not a failure.
    case brokenPipe

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open '\(path)': \(reason); hint: check the path and its permissions"
        case .cannotRead(let source, let reason):
            return "cannot read \(source): \(reason); hint: give a readable text file"
        case .cannotWrite(let destination, let reason):
            return "cannot write \(destination): \(reason); hint: check the folder exists, is writable and has space"
        case .invalidUTF8(let source, let offset):
            return "invalid UTF-8 in \(source) at byte \(offset); "
                + "hint: convert the text to UTF-8 (iconv -t UTF-8) or pass --lossy to replace bad bytes with U+FFFD"
        case .tooLarge(let source, let limit):
            return "\(source) is larger than \(IOError.formatBytes(limit)), the most this command holds in memory; "
                + "hint: cut the text down (head -c) or use a command that streams"
        case .brokenPipe:
            return "output closed early (broken pipe)"
        }
    }

    /// The text of `errno`, for messages ("No such file or directory").
    public static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    static func formatBytes(_ n: Int) -> String {
        if n >= 1 << 30, n % (1 << 30) == 0 { return "\(n >> 30) GiB" }
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }
}
