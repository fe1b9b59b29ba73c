#if canImport(Glibc)
import Glibc
#endif

import CaesarIO

/// Messages for the user on standard error (unbuffered, one `write` per line). Control
/// characters are shown as codes (``TerminalText``): messages quote file names and metadata.
enum StandardError {
    static func print(_ line: String) {
        var text = TerminalText.visible(line) + "\n"
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
