import CaesarNeural
import Foundation
import Testing

@testable import CaesarTraining

/// A training run as `caesar train` makes it, driven from Swift: its files, its lock, resuming
/// with the options that may change, and what a run tells the user when it cannot go on.
@Suite struct TrainingRunTests {
    /// A corpus file of plain text in a fresh folder.
    static func corpus() throws -> (folder: String, file: String) {
        let folder = Fixtures.folder()
        let file = folder + "/corpus.txt"
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. Fortune favours the bold. ", count: 40)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    static func options(steps: Int) -> TrainingOptions {
        var o = TrainingOptions()
        o.cell = .rnn
        o.hiddenSize = 8
        o.sequenceLength = 16
        o.batchSize = 4
        o.steps = steps
        o.validationInterval = 5
        o.key = .fixed(3)
        return o
    }

    @Test func filesAreNamedAfterTheModel() {
        let files = TrainingRun.Files(out: "runs/m.safetensors")
        #expect(files.checkpoint == "runs/m.checkpoint.safetensors" && files.curvesCSV == "runs/m.csv" && files.curvesSVG == "runs/m.svg")
        #expect(files.lock == "runs/.m.lock")
        #expect(TrainingRun.Files(out: "m").lock == ".m.lock" && TrainingRun.Files(out: "m").checkpoint == "m.checkpoint.safetensors")
    }

    @Test func aRunTrainsResumesAndTakesANewLearningRate() throws {
        let (folder, file) = try Self.corpus()
        let out = folder + "/m.safetensors"
        do {
            let first = try TrainingRun(corpus: [file], options: Self.options(steps: 10), out: out, arguments: ["train", file, "--out", out])
            #expect(try first.run() == .finished(steps: 10))
        }
        var more = TrainingOptions()
        more.steps = 20
        more.learningRate = 1e-3
        more.clip = 0
        let resumed = try TrainingRun(corpus: [file], options: more, out: out, resume: true, arguments: ["train", file, "--resume"])
        #expect(resumed.trainer.state.step == 10)
        #expect(resumed.trainer.configuration.learningRate == 1e-3 && resumed.trainer.configuration.clip == nil)
        #expect(try resumed.run() == .finished(steps: 20))
        #expect(resumed.trainer.metadata["training_command"] == "caesar train \(file) --out \(out) && caesar train \(file) --resume")
    }

    @Test func aResumedRunRefusesWhatItHasComputedWithAnotherSetting() throws {
        let (folder, file) = try Self.corpus()
        let out = folder + "/m.safetensors"
        _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: out).run()
        var other = TrainingOptions()
        other.hiddenSize = 9
        other.seed = 7
        other.steps = 10
        #expect(throws: TrainingError.checkpointMismatch(reason: "the checkpoint was made with --hidden 8, --seed 0")) {
            _ = try TrainingRun(corpus: [file], options: other, out: out, resume: true)
        }
    }

    /// Two runs on the same files: the second is refused while the first holds the lock.
    @Test func aSecondRunOnTheSameFilesIsRefused() throws {
        let (folder, file) = try Self.corpus()
        let out = folder + "/m.safetensors"
        do {
            let first = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: out)
            #expect(throws: TrainingError.runInProgress(model: out)) {
                _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: out)
            }
            _ = try first.run()
        }
        _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: out)  // the lock went with the run
    }

    /// What `kill -9` during a save leaves (AtomicFile's `.NAME.XXXXXX`) is removed by the
    /// next run on the same files, and nothing else is.
    @Test func temporariesOfAKilledRunAreRemoved() throws {
        let (folder, file) = try Self.corpus()
        let out = folder + "/m.safetensors"
        let stale = [".m.csv.a1B2c3", ".m.safetensors.XyZ123", ".m.checkpoint.safetensors.000000"]
        let kept = [".m.csv.too-long-1", "m.csv.abcdef", ".other.csv.abcdef"]
        for name in stale + kept { FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()) }
        _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: out)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(stale.allSatisfy { !left.contains($0) })
        #expect(kept.allSatisfy { left.contains($0) })
    }

    /// A model and a checkpoint from two different runs are not resumed as one.
    @Test func aModelFromAnotherRunIsNotResumedWith() throws {
        let (folder, file) = try Self.corpus()
        let a = folder + "/a.safetensors", b = folder + "/b.safetensors"
        _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: a).run()
        _ = try TrainingRun(corpus: [file], options: Self.options(steps: 5), out: b).run()
        try FileManager.default.removeItem(atPath: a)
        try FileManager.default.copyItem(atPath: b, toPath: a)
        var more = TrainingOptions()
        more.steps = 10
        do {
            _ = try TrainingRun(corpus: [file], options: more, out: a, resume: true)
            Issue.record("resumed a checkpoint beside another run's model")
        } catch let error as TrainingError {
            #expect("\(error)".contains("'\(a)' was written by another run than its checkpoint"))
        }
    }

    /// The retry a divergence suggests is a command that runs: the same words with a lower
    /// --lr, and --resume only when a checkpoint was saved.
    @Test func theRetryAfterADivergenceIsTheSameCommandWithALowerRate() {
        let words = ["train", "my corpus", "--lr", "0.5", "--hidden", "16", "--resume"]
        #expect(TrainingRun.retry(words, resuming: true, learningRate: 0.05) == "caesar train 'my corpus' --hidden 16 --resume --lr 0.05")
        #expect(TrainingRun.retry(words, resuming: false, learningRate: 0.05) == "caesar train 'my corpus' --hidden 16 --lr 0.05")
        #expect(TrainingRun.retry(["train", "c", "--lr=2"], resuming: true, learningRate: 0.2) == "caesar train c --resume --lr 0.2")
    }

    @Test func optionsAreCheckedOnceAndNamedAsFlags() {
        var o = TrainingOptions()
        o.hiddenSize = 0
        o.steps = 5
        o.epochs = 1
        o.setup = .languageModel
        o.bidirectional = true
        #expect(o.problems == [
            "--hidden must be between 1 and 4096, got 0", "give --steps or --epochs, not both",
            "a language model reads one way: it predicts each character from the ones before it; drop --bidirectional",
        ])
        #expect(TrainingOptions().problems.isEmpty)
        #expect(TrainingOptions().configuration().architecture.bidirectional, "a decrypter of any key reads both ways")
    }
}
