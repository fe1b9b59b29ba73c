import CaesarText
import Foundation
import CaesarTestSupport

@testable import CaesarLanguage

/// A small English model from the project's own story, shared by the tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let story = root.appendingPathComponent("Corpora/en-the-lighthouse-letters.txt").path

    static let corpus: LanguageCorpus = try! LanguageCorpus(paths: [story], validationFraction: 0.1)

    /// A 4-gram of the story's first 90%, with its skeleton.
    static let model: NgramLanguageModel = try! NgramLanguageModel.estimate(
        sentences: corpus.training, order: 4, metadata: ["language": "en"])

    static func folder() -> String {
        ScratchFolder.make("language-tests")
    }
}
