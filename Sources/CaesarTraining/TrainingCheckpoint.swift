import CaesarIO
import CaesarNeural
import CaesarRandom
import Foundation

/// Everything needed to continue a run exactly where it stopped: the weights, the optimizer's
/// moments, the random generators' states, the step, and the learning curve so far.
///
/// Stored as one safetensors file: the model's tensors under their usual names, the
/// optimizer's under `optimizer.<state>.<name>`, and the rest as JSON in the metadata key
/// `trainer_state`. Float values are stored bit for bit, so a resumed run continues with
/// exactly the numbers an uninterrupted one would have had.
public struct TrainingCheckpoint: Equatable, Sendable {
    public struct State: Equatable, Codable, Sendable {
        public var configuration: TrainingConfiguration
        public var step: Int
        public var trainingSeconds: Double
        /// Characters (steps × sequences) trained on so far.
        public var characters: Int
        public var samplerRandom: SeededGenerator
        public var truncationRandom: SeededGenerator
        public var optimizerSteps: Int
        public var bestAccuracy: Double?
        /// A language model's best validation loss, in bits per character.
        public var bestBitsPerCharacter: Double?
        public var bestStep: Int?
        public var records: [TrainingRecord]
        /// Loss summed over the steps since the last record, their count, characters and seconds.
        public var pendingLoss: Double
        public var pendingSteps: Int
        public var pendingCharacters: Int
        public var pendingSeconds: Double
        /// Fingerprints of the token streams, so a run resumes only on the same text.
        public var trainingFingerprint: UInt64
        public var validationFingerprint: UInt64
        /// The BLAS kernels the run computed with (``BLAS/kernels``); nil in checkpoints
        /// written before it was recorded. Resuming with others continues the run, but no
        /// longer bit for bit as it would have gone on the first machine.
        public var matrixKernels: String?
        /// Who the run is: the same in its checkpoint and in every model it saves, so that a
        /// model and a checkpoint from different runs are not taken for a pair.
        public var runID: String?
    }

    public var model: ModelFile
    public var optimizerState: [String: ParameterSet<Float>]
    public var state: State

    public init(model: ModelFile, optimizerState: [String: ParameterSet<Float>], state: State) {
        self.model = model
        self.optimizerState = optimizerState
        self.state = state
    }

    static let stateKey = "trainer_state"
    /// Tensors of the optimizer's state are saved under this prefix: `optimizer.exp_avg.out.bias`.
    static let optimizerPrefix = ModelFile.checkpointPrefix

    public func save(to path: String) throws {
        var file = model.safeTensors()
        for (key, set) in optimizerState.sorted(by: { $0.key < $1.key }) {
            for entry in set.layout.entries {
                file.tensors.append(SafeTensors.tensor(Self.optimizerPrefix + "\(key).\(entry.name)", shape: entry.shape,
                                                       values: Array(set.values[entry.range])))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        file.metadata[Self.stateKey] = String(decoding: try encoder.encode(state), as: UTF8.self)
        try AtomicFile.write(file.serialized(), to: path)
    }

    public static func load(from path: String) throws -> TrainingCheckpoint {
        try TrainingCheckpoint(bytes: try AtomicFile.read(path, limit: ModelFile.maximumSize), path: path)
    }

    /// A checkpoint from a file's bytes; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws {
        let file: SafeTensors
        do { file = try SafeTensors(bytes: bytes) } catch { throw ModelFileError.unreadable(path: path, error) }
        guard let json = file.metadata[Self.stateKey] else {
            throw TrainingError.badCheckpoint(path: path, reason: "it has no trainer state (is it a model rather than a checkpoint?)")
        }
        let state: State
        do {
            state = try JSONDecoder().decode(State.self, from: Data(json.utf8))
        } catch {
            throw TrainingError.badCheckpoint(path: path, reason: "its trainer state is unreadable")
        }
        var modelPart = file
        modelPart.tensors = file.tensors.filter { !$0.name.hasPrefix(Self.optimizerPrefix) }
        modelPart.metadata[Self.stateKey] = nil
        let model: ModelFile
        do {
            model = try ModelFile(modelPart)
        } catch let reason as ModelFileError.Reason {
            throw ModelFileError.invalid(path: path, reason)
        }
        var optimizerState: [String: ParameterSet<Float>] = [:]
        for tensor in file.tensors where tensor.name.hasPrefix(Self.optimizerPrefix) {
            let rest = tensor.name.dropFirst(Self.optimizerPrefix.count)
            guard let dot = rest.firstIndex(of: "."), let entry = model.parameters.layout[String(rest[rest.index(after: dot)...])],
                  entry.shape == tensor.shape
            else { throw TrainingError.badCheckpoint(path: path, reason: "unexpected optimizer tensor '\(tensor.name)'") }
            let key = String(rest[..<dot])
            var set = optimizerState[key] ?? ParameterSet(layout: model.parameters.layout)
            set.values.replaceSubrange(entry.range, with: try tensor.floats())
            optimizerState[key] = set
        }
        guard model.architecture == state.configuration.architecture else {
            throw TrainingError.badCheckpoint(path: path, reason: "its weights do not match its configuration")
        }
        self.init(model: model, optimizerState: optimizerState, state: state)
    }
}

/// FNV-1a over a token stream: cheap, and enough to notice a different corpus on resume.
func fingerprint(_ tokens: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for t in tokens {
        hash ^= UInt64(t)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash ^ UInt64(tokens.count)
}
