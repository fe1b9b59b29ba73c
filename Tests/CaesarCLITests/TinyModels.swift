import Foundation
import CaesarTestSupport

/// Small models trained by the real binary, once per test run, for the commands that read
/// models. A few dozen steps: they decrypt badly, but every file and number is real.
enum TinyModels {
    static let folder: String = {
        ScratchFolder.make("tiny-models")
    }()

    /// A bidirectional LSTM of 8 units for any key, with its curves beside it.
    static let anyKey = train("any", ["--key", "any", "--arch", "lstm", "--hidden", "8"])
    /// An RNN of 12 units for key 3.
    static let fixedKey = train("fixed", ["--key", "3", "--arch", "rnn", "--hidden", "12"])

    /// Trains on the in-repo English text: windows of 14 characters, 30 steps, validated at 10, 20, 30.
    private static func train(_ name: String, _ options: [String]) -> String {
        let out = folder + "/\(name).safetensors"
        let run = try! CaesarRun(["train", SourceTree.path("Corpora/en-the-lighthouse-letters.txt"), "--steps", "30", "--seq-len", "16",
                                  "--val-every", "10", "--out", out] + options)
        precondition(run.status == 0, "training the tiny model '\(name)' failed: \(run.stderr)")
        return out
    }
}
