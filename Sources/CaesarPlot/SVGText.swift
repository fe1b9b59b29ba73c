/// What every SVG writer here needs: coordinates as short numbers and text made safe for XML.
enum SVGText {
    /// A coordinate with at most one decimal, the precision a screen shows: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for XML character data and attribute values.
    static func escaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where ch.unicodeScalars.contains(where: { $0.value < 0x20 }):
                out += " "  // XML 1.0 forbids control characters, even escaped
            default: out.append(ch)
            }
        }
        return out
    }
}
