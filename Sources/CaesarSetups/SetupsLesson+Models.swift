import CaesarIO
import CaesarNeural
import CaesarTraining
import Foundation

extension SetupsLesson {
    /// The four networks of the lesson, all LSTMs with H hidden units per direction.
    public enum Role: String, CaseIterable, Codable, Sendable {
        case manyToOne = "many-to-one"
        case unidirectional = "many-to-many-uni"
        case bidirectional = "many-to-many-bi"
        case encoderDecoder = "encoder-decoder"

        /// The row label.
        public var title: String {
            switch self {
            case .manyToOne: return "many-to-one"
            case .unidirectional: return "many-to-many, uni"
            case .bidirectional: return "many-to-many, bi"
            case .encoderDecoder: return "encoder-decoder"
            }
        }

        /// How it reads and what it writes.
        public var summary: String {
            switch self {
            case .manyToOne: return "reads both ways; writes the key, once (then rotates)"
            case .unidirectional: return "reads left to right; writes a character per character"
            case .bidirectional: return "reads both ways; writes a character per character"
            case .encoderDecoder: return "reads both ways, then writes the plaintext token by token"
            }
        }

        func architecture(hidden: Int) -> Architecture {
            let setup: Setup = self == .manyToOne ? .manyToOne(.finalStates) : self == .encoderDecoder ? .encoderDecoder : .manyToMany
            return Architecture(cell: .lstm, inputSize: 31, hiddenSize: hidden, bidirectional: self != .unidirectional,
                                outputSize: self == .manyToOne ? 26 : 31, setup: setup)
        }

        /// Whether a loaded model is this role's kind (its size may differ from --hidden).
        func accepts(_ a: Architecture) -> Bool {
            let expected = architecture(hidden: a.hiddenSize)
            return a.setup == expected.setup && a.bidirectional == expected.bidirectional && a.outputSize == expected.outputSize
        }
    }

    /// How the lesson trains: every setup on the same batches (one seed), for the same steps.
    static func trainingConfiguration(_ role: Role, _ c: Configuration) -> TrainingConfiguration {
        var t = TrainingConfiguration(architecture: role.architecture(hidden: c.hidden))
        t.key = .any
        t.sequenceLength = c.messageLength + 2
        t.minimumSequenceLength = min(6, t.sequenceLength)  // messages of 4 … L characters
        t.learningRate = 0.01  // Adam; 0.003 leaves the many-to-many plateau much later
        t.steps = c.steps
        t.seed = c.seed
        t.validationFraction = validationFraction
        t.validationInterval = max(1, c.steps / 5)
        t.validationWindows = 256
        t.threads = 2  // results depend on the thread count: fixed, so --seed fixes them
        return t
    }

    /// The tail of the corpus that validates and that the lesson's messages come from.
    static let validationFraction = 0.1

    /// Where `role`'s model is kept in `folder`.
    static func path(_ role: Role, in folder: String) -> String { folder + "/" + role.rawValue + ".safetensors" }

    /// `role`'s model from `folder`, or trained there first (and saved: a second run loads it).
    /// `progress` hears which model of the four it is, how far its training is, and the time
    /// left for all the training still to come; then the model's result, as soon as it is ready.
    static func model(
        _ role: Role, corpus: TrainingCorpus, in folder: String, _ c: Configuration, clock: inout TrainingClock, progress: (String) -> Void
    ) throws -> ModelFile {
        let path = path(role, in: folder)
        let name = "model \(role.number) of \(Role.allCases.count), \(role.rawValue)"
        if FileManager.default.fileExists(atPath: path) {
            let file = try ModelFile.load(from: path)
            guard role.accepts(file.architecture) else {
                throw SetupsLessonError.wrongModel(path: path, expected: role.rawValue, found: file.architecture.description)
            }
            progress("\(name): loaded \(path)")
            return file
        }
        let trainer = try Trainer(
            configuration: trainingConfiguration(role, c), training: corpus.training, validation: corpus.validation,
            outputs: Trainer.Outputs(model: path, checkpoint: folder + "/" + role.rawValue + ".checkpoint.safetensors"))
        trainer.corpusDescription = corpus.summary + ": " + corpus.files.joined(separator: ", ")
        trainer.metadata["training_command"] = "caesar lesson setups"
        let metric = ValidationSet.metric(of: trainer.configuration.architecture.setup)
        progress("\(name): training \(c.steps) steps")
        let started = ContinuousClock.now
        var stepsBefore = clock.stepsDone
        _ = try trainer.run(report: { [clock] event in
            guard case .validated(let record, _) = event else { return }
            var now = clock
            now.stepsDone = stepsBefore + record.step
            progress("\(name): step \(record.step)/\(c.steps) (\(record.step * 100 / c.steps)%), validation \(metric) \(String(format: "%.1f", record.validationAccuracy * 100))%; \(now.timeText)")
        })
        stepsBefore += c.steps
        clock.stepsDone = stepsBefore
        let file = try ModelFile.load(from: path)  // the best model, as a later run loads it
        let best = validationAccuracy(file).map { ", best validation \(metric) \(String(format: "%.1f", $0 * 100))%" } ?? ""
        progress("\(name) ready: \(file.parameters.layout.totalCount) parameters\(best), trained in \(duration((ContinuousClock.now - started) / .seconds(1)))")
        return file
    }
}

extension SetupsLesson.Role {
    /// 1 … 4, in the lesson's order.
    var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

/// The lesson's training time: elapsed, and left for all four models at the pace so far (the
/// models differ in cost, so the estimate firms up as the lesson goes on).
struct TrainingClock {
    /// Steps to train in all, over the models not loaded from a folder.
    let toTrain: Int
    var stepsDone = 0
    let started = ContinuousClock.now

    init(toTrain: Int) {
        self.toTrain = toTrain
    }

    /// "0:42 elapsed, about 2:10 left".
    var timeText: String {
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        guard stepsDone > 0 else { return "\(duration(elapsed)) elapsed" }
        let left = elapsed / Double(stepsDone) * Double(max(toTrain - stepsDone, 0))
        return "\(duration(elapsed)) elapsed, about \(duration(left)) left"
    }
}
