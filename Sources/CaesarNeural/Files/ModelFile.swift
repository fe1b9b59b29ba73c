import CaesarIO
import Foundation

/// A trained network on disk: its architecture, its weights and what it was trained on.
///
/// The file is safetensors with PyTorch's tensor names (``ParameterLayout``), so
/// `torch.nn.LSTM`/`nn.RNN` + `nn.Linear` load it unchanged. The `__metadata__` strings
/// describe it (Swift names stay free to change; the keys below are the contract):
///
/// | key | example |
/// |---|---|
/// | `format` | `caesar-recurrent` |
/// | `format_version` | `1` (many-to-many), `2` (the other setups, which older readers refuse) |
/// | `setup` | `many-to-many`, `many-to-one` or `encoder-decoder`; a file without it is many-to-many |
/// | `pooling` | `final` or `mean` (many-to-one only) |
/// | `cell` | `lstm` or `rnn` |
/// | `gate_order` | `i,f,g,o` (LSTM; PyTorch's order) |
/// | `nonlinearity` | `tanh` (RNN) |
/// | `input_size`, `hidden_size`, `num_layers`, `bidirectional`, `output_size` | `31`, `128`, `1`, `true`, `31` |
///
/// plus anything the writer adds (`vocabulary`, `training` provenance, …), kept as is. For the
/// encoder–decoder, `hidden_size` and `bidirectional` describe the encoder; the decoder follows
/// from them (``Architecture/stacks``).
public struct ModelFile: Equatable, Sendable {
    public static let format = "caesar-recurrent"
    /// The newest version this reads; files are written with the oldest version that holds them.
    public static let version = 2
    /// Files above this are refused before reading (the shipped models are a few MB).
    public static let maximumSize = 1 << 30
    /// No weight of a network trained with gradient clipping and Adam comes near this (the
    /// shipped models' largest is below 20); a file holding a larger one is damaged or made to
    /// look like a model, and its outputs would be nonsense or overflow.
    public static let largestWeight: Float = 1e4

    public var architecture: Architecture
    public var parameters: ParameterSet<Float>
    /// Extra metadata (vocabulary, training provenance); the architecture keys are added on save.
    public var metadata: [String: String]
    /// Whether the file it was read from recorded the hash of its tensors (see
    /// ``SafeTensors/Integrity``); `.absent` for a model made in memory or written elsewhere.
    public private(set) var integrity = SafeTensors.Integrity.absent

    public init(architecture: Architecture, parameters: ParameterSet<Float>, metadata: [String: String] = [:]) {
        precondition(parameters.layout == ParameterLayout(architecture), "parameters do not match \(architecture)")
        self.architecture = architecture
        self.parameters = parameters
        self.metadata = metadata.filter { !ModelFile.architectureKeys.contains($0.key) }
    }

    static let architectureKeys: Set<String> = [
        "format", "format_version", "setup", "pooling", "cell", "gate_order", "nonlinearity",
        "input_size", "hidden_size", "num_layers", "bidirectional", "output_size",
    ]

    /// The steps of the sequences the model was trained on, [start] and [end] included, from
    /// its provenance (`training` → `configuration` → `sequenceLength`); nil when the file does
    /// not say, or says something `caesar train` cannot have written (outside 3…4096).
    public var trainedSequenceLength: Int? {
        guard let training = metadata["training"], training.utf8.count <= 1 << 20,
              case .object(let provenance)? = try? JSONValue.parse(Array(training.utf8)[...]),
              case .string(let text)? = provenance.first(where: { $0.key == "configuration" })?.value,
              text.utf8.count <= 1 << 20,
              case .object(let configuration)? = try? JSONValue.parse(Array(text.utf8)[...]),
              case .integer(let steps)? = configuration.first(where: { $0.key == "sequenceLength" })?.value,
              (3...4096).contains(steps)
        else { return nil }
        return steps
    }

    // MARK: - Writing

    public func safeTensors() -> SafeTensors {
        var meta = metadata
        meta["format"] = ModelFile.format
        meta["format_version"] = architecture.setup == .manyToMany ? "1" : "2"
        meta["setup"] = architecture.setup.name
        meta["pooling"] = architecture.setup.pooling?.rawValue
        meta["cell"] = architecture.cell.rawValue
        switch architecture.cell {
        case .lstm: meta["gate_order"] = "i,f,g,o"
        case .rnn: meta["nonlinearity"] = "tanh"
        }
        meta["input_size"] = String(architecture.inputSize)
        meta["hidden_size"] = String(architecture.hiddenSize)
        meta["num_layers"] = String(architecture.layers)
        meta["bidirectional"] = String(architecture.bidirectional)
        meta["output_size"] = String(architecture.outputSize)
        let tensors = parameters.layout.entries.map { entry in
            SafeTensors.tensor(entry.name, shape: entry.shape, values: Array(parameters.values[entry.range]))
        }
        return SafeTensors(metadata: meta, tensors: tensors)
    }

    /// Writes the file atomically: a temporary file, fsync, rename.
    public func save(to path: String) throws {
        try AtomicFile.write(safeTensors().serialized(), to: path)
    }

    // MARK: - Reading

    public static func load(from path: String) throws -> ModelFile {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let inside = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".safetensors") }.sorted()
            throw ModelFileError.folder(path: path, models: inside)
        }
        let bytes = try AtomicFile.read(path, limit: maximumSize)
        do {
            return try ModelFile(SafeTensors(bytes: bytes))
        } catch let error as SafeTensorsError {
            throw ModelFileError.unreadable(path: path, error)
        } catch ModelFileError.Reason.unexpectedTensor(let name, _) where name.hasPrefix(checkpointPrefix) {
            throw ModelFileError.trainingCheckpoint(path: path)
        } catch let error as ModelFileError.Reason {
            throw ModelFileError.invalid(path: path, error)
        }
    }

    /// The names of the optimizer's tensors in a training checkpoint (``TrainingCheckpoint``
    /// in CaesarTraining): a file that has them is a checkpoint, not a model.
    public static let checkpointPrefix = "optimizer."

    /// Validates a parsed file: metadata complete and consistent, tensors exactly the expected
    /// names and shapes, values finite.
    public init(_ file: SafeTensors) throws {
        typealias Reason = ModelFileError.Reason
        let meta = file.metadata
        guard let format = meta["format"] else { throw Reason.notACaesarModel("its metadata has no 'format'") }
        guard format == ModelFile.format else { throw Reason.notACaesarModel("its format is '\(format)', not '\(ModelFile.format)'") }
        guard let versionText = meta["format_version"], let version = Int(versionText) else {
            throw Reason.badMetadata(key: "format_version", value: meta["format_version"])
        }
        guard version <= ModelFile.version else { throw Reason.newerVersion(version) }
        guard version >= 1 else { throw Reason.badMetadata(key: "format_version", value: versionText) }

        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int {
            guard let text = meta[key], let value = Int(text), range.contains(value) else {
                throw Reason.badMetadata(key: key, value: meta[key])
            }
            return value
        }
        let setupName = meta["setup"] ?? Setup.manyToMany.name
        guard Setup.names.contains(setupName) else { throw Reason.badMetadata(key: "setup", value: setupName) }
        let pooling = meta["pooling"].flatMap(Pooling.init(rawValue:))
        guard meta["pooling"] == nil || pooling != nil, let setup = Setup(name: setupName, pooling: pooling) else {
            throw Reason.badMetadata(key: "pooling", value: meta["pooling"])  // bad, missing (many-to-one) or out of place
        }
        guard let cell = meta["cell"].flatMap(CellKind.init(rawValue:)) else { throw Reason.badMetadata(key: "cell", value: meta["cell"]) }
        if cell == .lstm, meta["gate_order"] != "i,f,g,o" { throw Reason.badMetadata(key: "gate_order", value: meta["gate_order"]) }
        if cell == .rnn, meta["nonlinearity"] != "tanh" { throw Reason.badMetadata(key: "nonlinearity", value: meta["nonlinearity"]) }
        guard let bidirectional = meta["bidirectional"].flatMap(Bool.init) else {
            throw Reason.badMetadata(key: "bidirectional", value: meta["bidirectional"])
        }
        let architecture = Architecture(
            cell: cell, inputSize: try integer("input_size", in: 1...65_536), hiddenSize: try integer("hidden_size", in: 1...65_536),
            layers: try integer("num_layers", in: 1...64), bidirectional: bidirectional,
            outputSize: try integer("output_size", in: 1...65_536), setup: setup)

        // The tensors must be exactly the architecture's, in name and shape, before anything
        // is allocated for them: then the parameters take no more memory than their bytes in
        // the file, whatever sizes the metadata claims.
        let layout = ParameterLayout(architecture)
        for tensor in file.tensors where layout[tensor.name] == nil {
            throw Reason.unexpectedTensor(tensor.name, architecture: architecture.description)
        }
        var tensors: [SafeTensors.Tensor] = []
        for entry in layout.entries {
            guard let tensor = file[entry.name] else { throw Reason.missingTensor(entry.name, architecture: architecture.description) }
            guard tensor.shape == entry.shape else {
                throw Reason.wrongShape(entry.name, found: tensor.shape, expected: entry.shape)
            }
            tensors.append(tensor)
        }
        var parameters = ParameterSet<Float>(layout: layout)
        for (entry, tensor) in zip(layout.entries, tensors) {
            let values = try tensor.floats()
            if let k = values.firstIndex(where: { $0.magnitude > Self.largestWeight }) {
                throw Reason.implausibleWeight(entry.name, index: k, value: values[k])
            }
            parameters.values.replaceSubrange(entry.range, with: values)
        }
        self.init(architecture: architecture, parameters: parameters, metadata: meta)
        integrity = file.integrity
    }
}

/// Why a model file could not be used, with the file named.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, SafeTensorsError)
    case invalid(path: String, Reason)
    /// A training checkpoint given where a model is wanted.
    case trainingCheckpoint(path: String)
    /// A folder given where a model file is wanted, with the models inside it.
    case folder(path: String, models: [String])

    public enum Reason: Error, Equatable, CustomStringConvertible {
        case notACaesarModel(String)
        case newerVersion(Int)
        case badMetadata(key: String, value: String?)
        case missingTensor(String, architecture: String)
        case unexpectedTensor(String, architecture: String)
        case wrongShape(String, found: [Int], expected: [Int])
        case implausibleWeight(String, index: Int, value: Float)

        public var description: String {
            switch self {
            case .notACaesarModel(let why):
                return "not a caesar model: \(why); hint: use a model written by 'caesar train' or the interop script"
            case .newerVersion(let v):
                return "format version \(v) is newer than this caesar reads (\(ModelFile.version)); hint: update caesar"
            case .badMetadata(let key, let value):
                let found = value.map { "'\($0)'" } ?? "missing"
                return "metadata '\(key)' is \(found); hint: the file is damaged or was edited by hand; re-save it"
            case .missingTensor(let name, let architecture):
                return "no tensor '\(name)', which a \(architecture) network needs; hint: the weights do not match the metadata; re-save the model"
            case .unexpectedTensor(let name, let architecture):
                return "tensor '\(name)' does not belong to a \(architecture) network; hint: the weights do not match the metadata; re-save the model"
            case .wrongShape(let name, let found, let expected):
                return "tensor '\(name)' has shape \(found), expected \(expected); hint: the weights do not match the metadata; re-save the model"
            case .implausibleWeight(let name, let index, let value):
                return "tensor '\(name)' holds \(value) at element \(index), beyond ±\(ModelFile.largestWeight), which no trained network reaches; hint: the file is damaged; use the model it was copied from, or retrain"
            }
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let error): return "model '\(path)': \(error)"
        case .invalid(let path, let reason): return "model '\(path)': \(reason)"
        case .trainingCheckpoint(let path):
            let model = path.hasSuffix(".checkpoint.safetensors") ? "'" + path.dropLast(".checkpoint.safetensors".count) + ".safetensors'" : "the model file"
            return "'\(path)' is a training checkpoint (the latest weights and the optimizer's state), not a model; hint: give \(model), the best model caesar train saved beside it"
        case .folder(let path, let models):
            let folder = path.hasSuffix("/") ? path : path + "/"
            let examples = models.prefix(3).map { "'\(folder)\($0)'" }.joined(separator: ", ")
            return "'\(path)' is a folder, not a model file; hint: " + (models.isEmpty ? "give a .safetensors file written by caesar train" : "give one of the models in it: \(examples)\(models.count > 3 ? ", …" : "")")
        }
    }
}
