/// What can stop the setups lesson. One line each: the problem, then a hint.
public enum SetupsLessonError: Error, Equatable, CustomStringConvertible {
    /// A model in the --models folder is not the setup its name says.
    case wrongModel(path: String, expected: String, found: String)
    /// The held-out text is too short to draw messages from.
    case heldOutTooShort(letters: Int, needed: Int)

    public var description: String {
        switch self {
        case .wrongModel(let path, let expected, let found):
            return "model '\(path)' is a \(found) network, not the \(expected) one its name promises; hint: delete it to have the lesson train it again"
        case .heldOutTooShort(let characters, let needed):
            return "the held-out tail of the corpus has \(characters) characters, fewer than a message of \(needed) with a letter; hint: give a longer --corpus"
        }
    }
}
