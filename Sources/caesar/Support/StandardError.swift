#if canImport(Glibc)
import Glibc
#endif

/// Messages for the user on standard error (unbuffered, one `write` per line).
enum StandardError {
    static func print(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
