/// Text made visible and safe for a terminal: in quotes, with every character that would be
/// invisible or would move the cursor written as an escape.
///
/// Escaped: tab, line feed and carriage return (`\t`, `\n`, `\r`), other control characters,
/// format characters (bidi controls, joiners, the BOM), line and paragraph separators, and
/// every space other than U+0020 (`\u{A0}`). Quotes and backslashes get a backslash.
///
///     DisplayText.quoted("a\u{A0}b\n")   // "\"a\\u{A0}b\\n\""
public enum DisplayText {
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " ": result += " "
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate:
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
