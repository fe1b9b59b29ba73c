import CaesarNeural
import Foundation

/// A model file with the metadata ``Trainer`` adds read back: the key schedule it learned
/// (`cipher_key`), the run's provenance (`training`) and command line (`training_command`).
///
/// Files made elsewhere (the PyTorch interop script, an edited file) may lack any of these;
/// each is then nil, and the weights are still usable.
public struct TrainedModel: Sendable {
    public let file: ModelFile
    /// Where it was read from; nil for a model made in memory.
    public let path: String?
    /// nil when the file does not record a key schedule, or records one this version cannot read.
    public let key: KeySchedule?
    public let provenance: TrainingProvenance?
    public let command: String?

    public init(_ file: ModelFile, path: String? = nil) {
        self.file = file
        self.path = path
        key = file.metadata["cipher_key"].flatMap(KeySchedule.init(parsing:))
        provenance = file.metadata["training"].flatMap(TrainingProvenance.init(json:))
        command = file.metadata["training_command"]
    }

    /// Reads and validates a model file (``ModelFile/load(from:)``). A training checkpoint is
    /// refused with its own message: it holds the latest weights, not the best ones.
    public static func load(from path: String) throws -> TrainedModel {
        do {
            return TrainedModel(try ModelFile.load(from: path), path: path)
        } catch ModelFileError.trainingCheckpoint {
            throw TrainingError.checkpointIsNotAModel(path: path)
        }
    }

    public var architecture: Architecture { file.architecture }

    /// The key schedule to evaluate with: the recorded one, or `any` when none is recorded
    /// (every key, as a model that must work the key out would be tested).
    public var keyOrAny: KeySchedule { key ?? .any }

    /// A new network with these weights, in `Scalar` precision.
    public func network<Scalar: NeuralScalar>(_: Scalar.Type = Scalar.self, threads: Int = 1) -> any TrainableModel<Scalar> {
        makeTrainableModel(architecture: file.architecture, parameters: file.parameters.converted(to: Scalar.self), threads: threads)
    }

    /// The many-to-many network, for what reads its states step by step (the report, the
    /// measured gradient lesson); refuses a model of another setup.
    public func manyToManyNetwork<Scalar: NeuralScalar>(_: Scalar.Type = Scalar.self, threads: Int = 1) throws -> ManyToManyModel<Scalar> {
        guard file.architecture.setup == .manyToMany else {
            throw TrainingError.notManyToMany(path: path ?? "the model", setup: file.architecture.setup.description)
        }
        return ManyToManyModel(architecture: file.architecture, parameters: file.parameters.converted(to: Scalar.self), threads: threads)
    }
}

/// What the `training` metadata says about the run that saved a model, at the step it was
/// saved (``Trainer/modelFile()`` writes it: a JSON object of strings, the configuration
/// itself JSON inside it).
public struct TrainingProvenance: Equatable, Sendable {
    /// "1 file, 9,113 characters (95% training, 5% validation): Corpora/…".
    public let corpus: String
    public let step: Int?
    public let trainingSeconds: Double?
    public let validationAccuracy: Double?
    public let configuration: TrainingConfiguration?

    /// nil when `json` is not an object of strings.
    public init?(json: String) {
        guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) else { return nil }
        corpus = fields["corpus"] ?? ""
        step = fields["step"].flatMap { Int($0) }
        trainingSeconds = fields["training_seconds"].flatMap { Double($0) }
        validationAccuracy = fields["validation_accuracy"].flatMap { Double($0) }
        configuration = fields["configuration"].flatMap { try? JSONDecoder().decode(TrainingConfiguration.self, from: Data($0.utf8)) }
    }
}
