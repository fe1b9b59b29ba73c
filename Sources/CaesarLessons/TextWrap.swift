/// Prose for an 80-column terminal: words filled into lines, the lines after the first
/// indented as the caller says.
///
///     TextWrap.wrap("the carry is how a step's error reaches earlier steps", indent: "  ", continuation: "   ", width: 30)
///     // "  the carry is how a step's\n"
///     // "   error reaches earlier steps\n"
public enum TextWrap {
    /// The width the lessons' text is made for: a terminal's 80 columns.
    public static let width = 80

    /// Words that bind their neighbours: a line never breaks beside them, so that `w = 3.574`
    /// or `x_t + b` stays on one line.
    static let operators: Set<String> = ["=", "+", "−", "-", "≤", "≥", "≈", "→", "·", "×", "/", "⊙"]

    /// A number binds to the word before it: `seed 0`, `layer 2`, `BPTT -3.4e-07`.
    static func isNumber(_ word: String) -> Bool {
        let digits = word.first == "-" || word.first == "−" ? word.dropFirst() : Substring(word)
        return digits.first?.isNumber == true
    }

    /// `prose` (single spaces between words) in lines of at most `width` characters, each ending
    /// in a newline: the first starts with `indent`, the others with `continuation` (by default
    /// `indent`). A word longer than a line stands alone on its line.
    public static func wrap(_ prose: String, indent: String = "", continuation: String? = nil, width: Int = width) -> String {
        var units: [String] = []
        var bindsNext = false
        for word in prose.split(separator: " ").map(String.init) {
            let binds = operators.contains(word)
            if let last = units.last, bindsNext || binds || isNumber(word) {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
            bindsNext = binds
        }
        return fill(units, separator: " ", indent: indent, continuation: continuation ?? indent, width: width)
    }

    /// A rendered chart with its legend wrapped: TextChart writes the legend as one line, three
    /// spaces between the entries, however many there are. Other lines are left as they are.
    public static func chart(_ rendered: String, width: Int = width) -> String {
        rendered.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let margin = String(line.prefix { $0 == " " })
            let entries = line.dropFirst(margin.count).components(separatedBy: "   ")
            return String(fill(entries, separator: "   ", indent: margin, continuation: margin, width: width).dropLast())
        }.joined(separator: "\n")
    }

    /// `units` joined by `separator` in lines no wider than `width`, each ending in a newline.
    static func fill(_ units: [String], separator: String, indent: String, continuation: String, width: Int) -> String {
        var text = "", line = indent, lineHasUnit = false
        for unit in units {
            if lineHasUnit, line.count + separator.count + unit.count > width {
                text += line + "\n"
                (line, lineHasUnit) = (continuation, false)
            }
            line += (lineHasUnit ? separator : "") + unit
            lineHasUnit = true
        }
        return text + line + "\n"
    }
}
