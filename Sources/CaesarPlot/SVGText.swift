/// Coordinates as SVG writes them: short numbers.
enum SVGText {
    /// A coordinate with at most one decimal, the precision a screen shows: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escaped(_ text: String) -> String { XMLText.escaped(text) }
}

/// Text made safe for XML, and so for SVG and HTML: character data and attribute values.
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as references; control characters, which XML 1.0 forbids
    /// even escaped, as spaces, except line feeds and tabs when `keepingLineBreaks` (for
    /// preformatted text).
    ///
    ///     XMLText.escaped("a < b & \"c\"")   // "a &lt; b &amp; &quot;c&quot;"
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where keepingLineBreaks, "\t" where keepingLineBreaks: out.append(ch)
            case _ where ch.unicodeScalars.contains(where: { $0.value < 0x20 }): out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
