/// What can go wrong in a lesson. Each message is one line naming the offending thing, then
/// a hint.
public enum LessonError: Error, Equatable, CustomStringConvertible {
    /// A computed value overflowed to ±inf or became NaN.
    case notFinite(quantity: String, value: Double)
    /// `--check` named a quantity the lesson does not compute.
    case unknownQuantity(name: String, valid: [String])
    /// `--check` gave the same quantity twice.
    case duplicateAnswer(name: String)

    public var description: String {
        switch self {
        case .notFinite(let quantity, let value):
            let what = value.isNaN ? "NaN, after an overflow (∞ − ∞ or 0·∞)" : "\(value), beyond what a Double holds"
            return "\(quantity) came out as \(what); hint: use smaller weights or inputs, or fewer steps"
        case .unknownQuantity(let name, let valid):
            return "the lesson has no quantity named '\(name)'; hint: the names are \(valid.joined(separator: ", "))"
        case .duplicateAnswer(let name):
            return "\(name) is given twice; hint: give each quantity once"
        }
    }

    /// Throws ``notFinite(quantity:value:)`` for the first value that is not finite.
    static func requireFinite(_ values: [(String, Double)]) throws(LessonError) {
        if let (name, value) = values.first(where: { !$0.1.isFinite }) {
            throw LessonError.notFinite(quantity: name, value: value)
        }
    }
}
