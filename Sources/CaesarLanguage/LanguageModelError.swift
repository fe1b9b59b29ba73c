/// Why a language model could not be built, read or used. One line each, with a hint.
public enum LanguageModelError: Error, Equatable, CustomStringConvertible {
    case invalidFile(path: String, reason: String)
    case corpusTooSmall(tokens: Int, needed: Int)
    case noLanguageModel(path: String)
    case notALanguageModel(path: String, setup: String)

    public var description: String {
        switch self {
        case .invalidFile(let path, let reason):
            return "language model '\(path)': \(reason); hint: rebuild it with 'caesar ngrams build' or use a shipped one from Models/"
        case .corpusTooSmall(let tokens, let needed):
            return "the corpus has \(tokens) tokens, fewer than the \(needed) a language model needs; hint: give more text"
        case .noLanguageModel(let path):
            return "the language model '\(path)' is missing; hint: pass --lm PATH, or restore Models/ from the repository"
        case .notALanguageModel(let path, let setup):
            return "model '\(path)' is a \(setup) network, not a language model; hint: train one with 'caesar train --setup language-model'"
        }
    }
}
