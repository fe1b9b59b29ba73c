/// Everything that can go wrong in classical cryptanalysis. Each message is one line: what
/// went wrong, with the offending thing named, then a hint.
public enum CipherError: Error, Equatable, CustomStringConvertible {
    /// Nothing to score: the text (or the first `scannedBytes` of it) has no letter A–Z.
    case noLetters(source: String, scannedBytes: Int?)
    /// An n-gram statistics file that does not follow the format, at a 1-based line.
    case malformedNgrams(source: String, line: Int, problem: String)
    /// A corpus for `ngrams build` with fewer than four letters A–Z (not one quadgram).
    case emptyCorpus(source: String)
    /// An evaluation corpus with fewer letters than the longest span asked for.
    case corpusTooShort(letters: Int, needed: Int)
    /// No key gives plausible plaintext: the text is more probably noise than a decryption.
    case noPlausiblePlaintext(source: String, noise: Double, languages: [String])

    public var description: String {
        switch self {
        case .noLetters(let source, nil):
            return "no letters A–Z in \(source), so no key can be scored; "
                + "hint: give ciphertext with Latin letters (a known key works on anything: caesar decrypt --key N)"
        case .noLetters(let source, let scanned?):
            return "no letters A–Z in the first \(scanned) bytes of \(source), so no key can be scored; "
                + "hint: give ciphertext with Latin letters (a known key works on anything: caesar decrypt --key N)"
        case .malformedNgrams(let source, let line, let problem):
            return "malformed n-gram statistics in \(source) at line \(line): \(problem); "
                + "hint: build the file with 'caesar ngrams letters --output FILE CORPUS...'"
        case .emptyCorpus(let source):
            return "fewer than four letters A–Z in \(source), nothing to count; hint: give a text corpus in a Latin-alphabet language"
        case .noPlausiblePlaintext(let source, let noise, let languages):
            return "no plausible plaintext in \(source): no key gives text in \(languages.joined(separator: ", ")) "
                + "(it reads as random letters with probability \(String(format: "%.4f", noise))); hint: it may be another cipher "
                + "or another language (build a model: caesar ngrams build --language CODE), or try a key you know: caesar decrypt --key N"
        case .corpusTooShort(let letters, let needed):
            return "the corpus has \(letters) letters, fewer than the \(needed) a span needs; "
                + "hint: give a longer corpus or shorter --lengths"
        }
    }
}
