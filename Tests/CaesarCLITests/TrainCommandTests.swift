import CaesarNeural
import CaesarTraining
import Foundation
import Testing
import CaesarTestSupport

@Suite struct TrainCommandTests {
    static let corpus = SourceTree.path("Corpora/en-the-lighthouse-letters.txt")

    static func folder() -> String {
        ScratchFolder.make("train")
    }

    @Test func aSmallRunWritesModelCheckpointAndCurves() throws {
        let dir = Self.folder()
        let run = try CaesarRun(["train", Self.corpus, "--key", "3", "--arch", "rnn", "--hidden", "16", "--steps", "60",
                                 "--val-every", "20", "--seq-len", "20", "--out", dir + "/m.safetensors", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(summary["steps"] as? Int == 60)
        #expect((summary["records"] as? [Any])?.count == 3)
        for file in ["m.safetensors", "m.checkpoint.safetensors", "m.csv", "m.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        let csv = try String(contentsOfFile: dir + "/m.csv", encoding: .utf8)
        #expect(csv.hasPrefix("step,training_seconds,train_loss,validation_accuracy,characters_per_second,validation_loss\n20,"))
        // Logs go to standard error when it is not a terminal: one line per validation.
        #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("step ") }.count == 3)
    }

    @Test func separateValidationFiles() throws {
        let dir = Self.folder()
        let run = try CaesarRun(["train", SourceTree.path("Corpora/fr-la-lettre-du-phare.txt"), "--validation", Self.corpus, "--key", "3",
                                 "--arch", "rnn", "--hidden", "8", "--steps", "10", "--val-every", "10", "--seq-len", "20",
                                 "--out", dir + "/m.safetensors"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("trained on 1 file, "))
        #expect(run.stdout.contains("characters; validation: 1 file, 9,113 characters"))
        try CaesarRun.expectError(["train", "x", "--validation", "y", "--val-split", "0.1"], status: 64,
                                  "give --validation files or --val-split, not both; hint: see 'caesar train --help'")
    }

    @Test func resumeContinuesAndRefusesOtherSettings() throws {
        let dir = Self.folder(), out = dir + "/m.safetensors"
        let common = ["train", Self.corpus, "--arch", "rnn", "--hidden", "8", "--seq-len", "16", "--val-every", "10", "--out", out]
        #expect(try CaesarRun(common + ["--steps", "20"]).status == 0)
        let resumed = try CaesarRun(["train", Self.corpus, "--out", out, "--resume", "--steps", "30"])
        #expect(resumed.status == 0)
        #expect(!resumed.stderr.contains("best 0.00%"))  // the best so far comes from the checkpoint
        #expect(resumed.stdout.hasPrefix("finished at step 30"))
        // The model's provenance names both commands of the run.
        let command = try ModelFile.load(from: out).metadata["training_command"] ?? ""
        #expect(command.hasPrefix("caesar train ") && command.contains(" --steps 20 && caesar train "))
        #expect(command.hasSuffix(" --resume --steps 30"))
        try CaesarRun.expectError(["train", Self.corpus, "--out", out, "--resume", "--steps", "30"], status: 1, "cannot resume: the run is at step 30 of 30 already; give a larger --steps to go on; hint: resume with the same corpus and settings, or start a new run")
        // When to stop may change on resume: it changes no number the run computes.
        #expect(try CaesarRun(["train", Self.corpus, "--out", out, "--resume", "--steps", "40", "--stop-at", "none"]).status == 0)
        // So may the learning rate and clipping: the way past a divergence (#14).
        #expect(try CaesarRun(["train", Self.corpus, "--out", out, "--resume", "--steps", "50", "--lr", "0.001", "--clip", "1"]).status == 0)
        let checkpoint = try TrainingCheckpoint.load(from: dir + "/m.checkpoint.safetensors")
        #expect(checkpoint.state.configuration.learningRate == 0.001 && checkpoint.state.configuration.clip == 1)
        try CaesarRun.expectError(["train", Self.corpus, "--out", out, "--resume", "--steps", "60", "--seq-len", "20"], status: 1, "cannot resume: the checkpoint was made with --seq-len 16; hint: resume with the same corpus and settings, or start a new run")
    }

    @Test(arguments: [
        (["train"], "give text files or folders to train on (e.g. caesar train Corpora/); hint: see 'caesar train --help'", 64),
        (["train", "x", "--key", "seven"], "--key takes a number or 'any', not 'seven'; hint: see 'caesar train --help'", 64),
        (["train", "x", "--bptt", "random:0"], "--bptt takes full, truncated:K or random:K with K ≥ 1, not 'random:0'; hint: see 'caesar train --help'", 64),
        (["train", "x", "--steps", "5", "--epochs", "1"], "give --steps or --epochs, not both; hint: see 'caesar train --help'", 64),
        (["train", "x", "--stop-at", "1.5"], "--stop-at takes an accuracy above 0 and at most 1, or 'none', not '1.5'; hint: see 'caesar train --help'", 64),
        (["train", "x", "--hidden", "0"], "--hidden must be between 1 and 4096, got 0; hint: see 'caesar train --help'", 64),
        (["train", "/no/such/file.txt"], "cannot open '/no/such/file.txt': No such file or directory; hint: check the path and its permissions", 1),
        (["train", "/no/such/file.txt", "--resume", "--out", "/no/such/m.safetensors"], "cannot open '/no/such/m.checkpoint.safetensors': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func badInputIsOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func invalidUTF8InTheCorpusNamesTheOffset() throws {
        let dir = Self.folder()
        try Data([0x61, 0x62, 0xFF]).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
        try CaesarRun.expectError(["train", dir, "--out", dir + "/m.safetensors"], status: 1, "invalid UTF-8 in file '\(dir)/bad.txt' at byte 2; hint: convert the text to UTF-8 (iconv -t UTF-8) or pass --lossy to replace bad bytes with U+FFFD")
    }
}
