import CaesarCipher
import Foundation

/// The ranked candidates of `brute` and `crack --top` as aligned lines:
/// rank, key, score (the method's own number), posterior, and a one-line plaintext preview.
///
///      1  key  3  score   -105.08  posterior 1.0000  The secret meeting is at dawn by the river.
enum RankingTable {
    /// Characters of plaintext shown per line before it is cut with "…".
    static let previewLength = 60

    static func lines(_ candidates: ArraySlice<KeyRanking.Candidate>, plaintext: (Int) -> String) -> String {
        candidates.enumerated().map { rank, candidate in
            String(format: "%2d  key %2d  score %9.2f  posterior %.4f  ", rank + 1, candidate.key, candidate.score, candidate.posterior)
                + preview(plaintext(candidate.key))
        }.joined(separator: "\n") + "\n"
    }

    /// The start of `text` on one line: control characters (newlines, tabs) become spaces.
    static func preview(_ text: String) -> String {
        var line = ""
        for character in text.prefix(previewLength + 1) {
            line.append(character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : character)
        }
        return line.count > previewLength ? line.prefix(previewLength) + "…" : line
    }
}
