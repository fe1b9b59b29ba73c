import CaesarNeural
import Foundation
import Testing

@testable import CaesarTraining

@Suite struct TrainerTests {
    static let split = Fixtures.text.count * 9 / 10
    static let training = Array(Fixtures.text[..<split]), validation = Array(Fixtures.text[split...])

    @Test func aFixedKeyIsLearnedAndTheBestModelSaved() throws {
        let folder = Fixtures.folder()
        var c = Fixtures.configuration(steps: 300)
        c.validationInterval = 50
        let trainer = try Trainer(configuration: c, training: Self.training, validation: Self.validation, outputs: Fixtures.outputs(in: folder))
        var reported: [TrainingRecord] = [], improvements = 0
        let outcome = try trainer.run(report: { event in
            if case .validated(let record, let improved) = event {
                reported.append(record)
                if improved { improvements += 1 }
            }
        })
        #expect(outcome == .finished(steps: 300))
        #expect(reported == trainer.state.records)
        #expect(improvements >= 1)
        let best = trainer.state.records.map(\.validationAccuracy).max()!
        #expect(best > 0.95, "best validation accuracy \(best)")
        let saved = try ModelFile.load(from: folder + "/model.safetensors")
        #expect(saved.metadata["cipher_key"] == "3")
        #expect(saved.architecture.setup == .manyToMany && saved.safeTensors().metadata["setup"] == "many-to-many")
        #expect(trainer.state.records.map(\.step) == [50, 100, 150, 200, 250, 300])
    }

    @Test func reachingTheTargetAccuracyStopsTheRun() throws {
        var c = Fixtures.configuration(steps: 300)
        c.targetAccuracy = 0.9
        let trainer = try Trainer(configuration: c, training: Self.training, validation: Self.validation, outputs: Fixtures.outputs(in: Fixtures.folder()))
        guard case .reachedTarget(let step, let accuracy) = try trainer.run() else { Issue.record("did not stop"); return }
        #expect(accuracy >= 0.9 && step < 300 && step % 10 == 0)
    }

    /// Stopped after 20 steps and resumed, a run ends with exactly the weights of one that
    /// ran 40 steps straight.
    @Test func resumingIsBitIdentical() throws {
        let straight = try Trainer(configuration: Fixtures.configuration(key: .any), training: Self.training,
                                   validation: Self.validation, outputs: Fixtures.outputs(in: Fixtures.folder()))
        _ = try straight.run()

        let folder = Fixtures.folder()
        let first = try Trainer(configuration: Fixtures.configuration(key: .any), training: Self.training,
                                validation: Self.validation, outputs: Fixtures.outputs(in: folder))
        var steps = 0
        let stopped = try first.run(shouldStop: { steps == 23 }) { event in
            if case .step = event { steps += 1 }
        }
        #expect(stopped == .interrupted(step: 23))
        let checkpoint = try TrainingCheckpoint.load(from: folder + "/model.checkpoint.safetensors")
        #expect(checkpoint.state.step == 23)
        let resumed = try Trainer(resuming: checkpoint, training: Self.training, validation: Self.validation,
                                  outputs: Fixtures.outputs(in: folder))
        #expect(try resumed.run() == .finished(steps: 40))
        // Bit for bit because both runs compute in this process, with the same kernels and threads.
        #expect(checkpoint.state.matrixKernels == BLAS.kernels && resumed.resumedOnOtherKernels == nil)
        #expect(resumed.model.parameters.values.map(\.bitPattern) == straight.model.parameters.values.map(\.bitPattern))
        #expect(resumed.state.records.map(\.validationAccuracy) == straight.state.records.map(\.validationAccuracy))
    }

    /// A checkpoint from a machine whose BLAS chose other kernels resumes, and says so.
    @Test func resumingOnOtherKernelsIsNoted() throws {
        let folder = Fixtures.folder()
        let first = try Trainer(configuration: Fixtures.configuration(key: .any, steps: 4), training: Self.training,
                                validation: Self.validation, outputs: Fixtures.outputs(in: folder))
        var steps = 0
        _ = try first.run(shouldStop: { steps == 2 }) { if case .step = $0 { steps += 1 } }
        var checkpoint = try TrainingCheckpoint.load(from: folder + "/model.checkpoint.safetensors")
        checkpoint.state.matrixKernels = "Elsewhere"
        let resumed = try Trainer(resuming: checkpoint, training: Self.training, validation: Self.validation, outputs: Fixtures.outputs(in: folder))
        #expect(resumed.resumedOnOtherKernels?.before == "Elsewhere" && resumed.resumedOnOtherKernels?.now == BLAS.kernels)
        #expect(resumed.state.matrixKernels == BLAS.kernels)
    }

    /// Runs `c` straight through, and again stopped after `stop` steps and resumed from the checkpoint.
    static func straightAndResumed(_ c: TrainingConfiguration, stoppingAt stop: Int) throws -> (straight: Trainer, resumed: Trainer, checkpoint: TrainingCheckpoint, folder: String) {
        let straight = try Trainer(configuration: c, training: training, validation: validation, outputs: Fixtures.outputs(in: Fixtures.folder()))
        _ = try straight.run()
        let folder = Fixtures.folder()
        let first = try Trainer(configuration: c, training: training, validation: validation, outputs: Fixtures.outputs(in: folder))
        var steps = 0
        _ = try first.run(shouldStop: { steps == stop }) { if case .step = $0 { steps += 1 } }
        let checkpoint = try TrainingCheckpoint.load(from: folder + "/model.checkpoint.safetensors")
        let resumed = try Trainer(resuming: checkpoint, training: training, validation: validation, outputs: Fixtures.outputs(in: folder))
        _ = try resumed.run()
        return (straight, resumed, checkpoint, folder)
    }

    /// Windows of varied length (one length per batch) train and resume exactly too.
    @Test func variableLengthRunsResumeBitIdentically() throws {
        var c = Fixtures.configuration(key: .any, steps: 30)
        c.minimumSequenceLength = 5
        let (straight, resumed, _, _) = try Self.straightAndResumed(c, stoppingAt: 17)
        #expect(resumed.model.parameters.values.map(\.bitPattern) == straight.model.parameters.values.map(\.bitPattern))
        #expect(resumed.state.characters == straight.state.characters)
    }

    @Test func variedLengthsAreValidatedAtSeveralLengths() throws {
        var c = Fixtures.configuration(key: .any, steps: 10)
        c.minimumSequenceLength = 5
        c.validationWindows = 12
        let sets = try Trainer.validationSets(Self.validation, c)
        #expect(sets.map(\.contentLength) == [3, 7, 11, 16])
        #expect(sets.allSatisfy { $0.batch.size == 3 })
        c.minimumSequenceLength = nil
        #expect(try Trainer.validationSets(Self.validation, c).map(\.contentLength) == [16])
    }

    /// The key classifier and the encoder–decoder train and resume exactly too; their
    /// checkpoints keep the setup.
    @Test(arguments: [Setup.manyToOne(.finalStates), .manyToOne(.mean), .encoderDecoder])
    func everySetupResumesBitIdentically(setup: Setup) throws {
        var c = Fixtures.configuration(key: .any, steps: 20)
        c.architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, bidirectional: true,
                                      outputSize: setup == .encoderDecoder ? 31 : 26, setup: setup)
        c.minimumSequenceLength = 6
        let (straight, resumed, checkpoint, folder) = try Self.straightAndResumed(c, stoppingAt: 13)
        #expect(checkpoint.state.step == 13 && checkpoint.model.architecture.setup == setup)
        #expect(resumed.model.parameters.values.map(\.bitPattern) == straight.model.parameters.values.map(\.bitPattern))
        #expect(resumed.state.records.map(\.validationAccuracy) == straight.state.records.map(\.validationAccuracy))
        #expect(try ModelFile.load(from: folder + "/model.safetensors").architecture == c.architecture)
    }

    /// A fixed key is the easiest class there is: the classifier gets it within a few steps.
    /// (Without a target it trains all its steps, 100% or not.)
    @Test func theClassifierLearnsAFixedKey() throws {
        var c = Fixtures.configuration(steps: 30)
        c.architecture = Architecture(cell: .rnn, inputSize: 31, hiddenSize: 8, outputSize: 26, setup: .manyToOne(.finalStates))
        c.targetAccuracy = 0.99
        let trainer = try Trainer(configuration: c, training: Self.training, validation: Self.validation,
                                  outputs: Fixtures.outputs(in: Fixtures.folder()))
        guard case .reachedTarget(let step, _) = try trainer.run() else { Issue.record("key 3 not learned in 30 steps"); return }
        c.targetAccuracy = nil
        let onward = try Trainer(configuration: c, training: Self.training, validation: Self.validation,
                                 outputs: Fixtures.outputs(in: Fixtures.folder()))
        #expect(try onward.run() == .finished(steps: 30))
        #expect(onward.state.records.filter { $0.validationAccuracy == 1 }.first?.step == step)
    }

    @Test func resumingOnAnotherCorpusIsRefused() throws {
        let folder = Fixtures.folder()
        let trainer = try Trainer(configuration: Fixtures.configuration(), training: Self.training, validation: Self.validation,
                                  outputs: Fixtures.outputs(in: folder))
        _ = try trainer.run(shouldStop: { true })
        let checkpoint = try TrainingCheckpoint.load(from: folder + "/model.checkpoint.safetensors")
        #expect(throws: TrainingError.self) {
            _ = try Trainer(resuming: checkpoint, training: Array(Self.training.dropFirst()), validation: Self.validation,
                        outputs: Fixtures.outputs(in: folder))
        }
    }

    /// A step whose loss is NaN is not applied; the run stops naming the step, and the checkpoint
    /// on disk is the last good one.
    @Test func divergenceStopsAndKeepsTheLastGoodCheckpoint() throws {
        let folder = Fixtures.folder()
        let trainer = try Trainer(configuration: Fixtures.configuration(steps: 100), training: Self.training,
                                  validation: Self.validation, outputs: Fixtures.outputs(in: folder))
        var steps = 0
        _ = try trainer.run(shouldStop: { steps == 20 }) { if case .step = $0 { steps += 1 } }
        trainer.model.parameters.values[0] = .nan  // as a runaway update would leave it
        #expect(throws: TrainingError.diverged(step: 21, savedStep: 20, retry: nil)) { _ = try trainer.run() }
        let checkpoint = try TrainingCheckpoint.load(from: folder + "/model.checkpoint.safetensors")
        #expect(checkpoint.state.step == 20)
        #expect(checkpoint.model.parameters.values.allSatisfy { $0.isFinite })
    }

    @Test func anAbsurdLearningRateDiverges() throws {
        var c = Fixtures.configuration(steps: 50)
        c.optimizer = .sgd
        c.learningRate = 1e38
        c.clip = nil
        let trainer = try Trainer(configuration: c, training: Self.training, validation: Self.validation, outputs: Fixtures.outputs(in: Fixtures.folder()))
        #expect(throws: TrainingError.self) { _ = try trainer.run() }
    }
}
