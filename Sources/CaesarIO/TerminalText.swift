/// Text from files made safe to print on a terminal.
///
/// A model file's metadata, a corpus's name or a hostile error message can hold control
/// characters: `ESC [31m` would recolour the terminal, `ESC ] 0 ; … BEL` retitle it, a carriage
/// return overwrite what came before, a bidirectional override reorder the line. Every such
/// character is shown instead as its code, `\u{1B}`, so the reader sees what the file holds
/// and the terminal does nothing.
///
///     TerminalText.visible("caesar-\u{1B}[31mred")   // "caesar-\\u{1B}[31mred"
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Controls (C0 but the tab, DEL, C1), and the invisible characters that reorder or hide
    /// text: bidirectional embeddings, overrides and isolates, line and paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
