import Foundation
import Testing
import CaesarTestSupport

/// The three setups through the same commands: train, decrypt, eval.
@Suite struct SetupsCommandTests {
    static let corpus = SourceTree.path("Corpora/en-the-lighthouse-letters.txt")

    /// Tiny models of each setup, trained by the CLI (key 3: quick to learn, and plumbing is what counts here).
    static let models: [String: String] = {
        let folder = ScratchFolder.make("setups")
        var models: [String: String] = [:]
        for (name, flags) in [("m2o", ["--setup", "many-to-one", "--pooling", "mean"]), ("s2s", ["--setup", "encoder-decoder"])] {
            let out = folder + "/\(name).safetensors"
            let run = try! CaesarRun(["train", corpus, "--key", "3", "--hidden", "8", "--steps", "40", "--seq-len", "12",
                                      "--val-every", "20", "--out", out] + flags)
            precondition(run.status == 0, run.stderr)
            models[name] = out
        }
        return models
    }()

    @Test func trainingReportsTheSetupsMeasure() throws {
        let folder = ScratchFolder.scratchPath("setups")
        let run = try CaesarRun(["train", Self.corpus, "--setup", "many-to-one", "--key", "3", "--arch", "rnn", "--hidden", "8",
                                 "--steps", "20", "--val-every", "10", "--seq-len", "12", "--out", folder + "-m.safetensors"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("network     rnn 8, many-to-one (final) (31 → 26), key 3"))
        #expect(run.stdout.contains("best        validation key accuracy "))
        // --resume keeps the setup; another one is refused.
        let resumed = try CaesarRun(["train", Self.corpus, "--out", folder + "-m.safetensors", "--resume", "--steps", "30"])
        #expect(resumed.status == 0 && resumed.stdout.contains(" at step 30 "), "\(resumed.stderr)")  // finished, or reached 100% there
        try CaesarRun.expectError(["train", Self.corpus, "--out", folder + "-m.safetensors", "--resume", "--steps", "40", "--setup", "encoder-decoder"], status: 1,
                                  "cannot resume: the checkpoint was made with --setup many-to-one --pooling final; hint: resume with the same corpus and settings, or start a new run")
    }

    @Test(arguments: ["m2o", "s2s"])
    func everySetupDecrypts(model: String) throws {
        let path = Self.models[model]!
        let run = try CaesarRun(["decrypt", "--model", path, "--json", "--raw", DecryptNeuralTests.cipher])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["setup"] as? String == (model == "m2o" ? "many-to-one" : "encoder-decoder"))
        #expect((0..<26).contains(object["key"] as? Int ?? -1) && object["raw"] is String)
        let text = try CaesarRun(["decrypt", "--model", path, "--raw", DecryptNeuralTests.cipher])
        #expect(text.stdout.contains(model == "m2o" ? "(a key classifier: the text rotated back by the key it chose, " : "(its greedy output, written after reading the whole text; "))
        let streamed = try CaesarRun(["decrypt", "--model", path, "--json", DecryptNeuralTests.cipher])
        #expect((try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as! [String: Any])["key"] as? Int == object["key"] as? Int)
    }

    /// Several models side by side on the same trials: one column each, then the scorers.
    @Test func evalSetsModelsSideBySide() throws {
        let arguments = ["eval", "--model", Self.models["m2o"]!, "--model", Self.models["s2s"]!, "--corpus", Self.corpus,
                         "--trials", "6", "--lengths", "5", "20", "--methods", "neural", "quadgram", "--windows", "10"]
        let run = try CaesarRun(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("letters  neural m2o  neural s2s    quadgram"))
        #expect(lines.contains { $0.hasPrefix("neural m2o (") && $0.contains("many-to-one (mean)") })
        #expect(!run.stdout.contains(" \n"))
        let json = try JSONSerialization.jsonObject(with: Data(try CaesarRun(arguments + ["--json"]).stdout.utf8)) as! [String: Any]
        let networks = json["networks"] as! [[String: Any]]
        #expect(networks.map { ($0["architecture"] as? String)?.contains("many-to-one (mean)") == true } == [true, false])
        #expect(networks.allSatisfy { ($0["rows"] as? [Any])?.count == 2 && ($0["windows"] as? [Any])?.count == 1 })
        #expect((json["measurements"] as! [[String: Any]]).map { $0["label"] as? String } == ["neural m2o", "neural s2s", "quadgram"])
    }

    @Test(arguments: [
        (["train", "x", "--pooling", "mean"], "--pooling belongs to --setup many-to-one; hint: see 'caesar train --help'"),
        (["train", "x", "--setup", "one-to-many"], "The value 'one-to-many' is invalid for '--setup <setup>'. Please provide one of 'many-to-many', 'many-to-one', 'encoder-decoder' or 'language-model'; hint: see 'caesar train --help'"),
        (["train", "x", "--setup", "many-to-one", "--pooling", "max"], "The value 'max' is invalid for '--pooling <pooling>'. Please provide one of 'final' and 'mean'; hint: see 'caesar train --help'"),
    ] as [([String], String)])
    func badSetupFlagsAreOneLineWithAHint(arguments: [String], message: String) throws {
        try CaesarRun.expectError(arguments, status: 64, message)
    }
}
