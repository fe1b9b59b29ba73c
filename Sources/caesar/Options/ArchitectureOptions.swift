import ArgumentParser
import CaesarNeural
import CaesarTraining

/// The defaults a command gives the shape options: `train` builds real models, `gradcheck`
/// tiny ones. They appear in the help of each.
protocol ArchitectureDefaults {
    static var cell: CellKind { get }
    static var hidden: Int { get }
    /// When the layers read both ways, as the help says it.
    static var bidirectional: String { get }
}

/// The shape of a recurrent network: setup, cell, width, depth, direction.
struct ArchitectureOptions<Defaults: ArchitectureDefaults>: ParsableArguments {
    @Option(help: ArgumentHelp(
        "What the network outputs: many-to-many (a character for every character), many-to-one (the key), encoder-decoder (the plaintext, written after reading all the ciphertext), or language-model (the next character of plaintext) (default many-to-many).",
        valueName: "setup"))
    var setup: SetupName?

    @Option(help: ArgumentHelp("For many-to-one: pool the final states (final) or the mean over time (mean) (default final).", valueName: "pooling"))
    var pooling: Pooling?

    @Option(help: "The recurrent cell: rnn (Elman, tanh) or lstm (default \(Defaults.cell.rawValue)).")
    var arch: CellKind?

    @Option(help: "Hidden units per direction (default \(Defaults.hidden)).")
    var hidden: Int?

    @Option(help: "Stacked recurrent layers (default 1).")
    var layers: Int?

    @Flag(inversion: .prefixedNo, help: "Read the text in both directions (default: \(Defaults.bidirectional)).")
    var bidirectional: Bool?

    func validate() throws {
        if let hidden, !TrainingOptions.hiddenSizes.contains(hidden) { throw ValidationError("--hidden must be between 1 and 4096, got \(hidden)") }
        if let layers, !TrainingOptions.layerCounts.contains(layers) { throw ValidationError("--layers must be between 1 and 16, got \(layers)") }
        if pooling != nil, setup != .manyToOne { throw ValidationError("--pooling belongs to --setup many-to-one") }
        if setup == .languageModel, bidirectional == true {
            throw ValidationError("a language model reads one way: it predicts each character from the ones before it; drop --bidirectional")
        }
    }

    /// Whether any shape option was given (with --resume they must agree with the checkpoint).
    var isGiven: Bool { setup != nil || pooling != nil || arch != nil || hidden != nil || layers != nil || bidirectional != nil }

    /// The setup asked for, pooling included; nil when neither was given.
    var chosenSetup: Setup? {
        guard setup != nil || pooling != nil else { return nil }
        switch setup ?? .manyToMany {
        case .manyToMany: return .manyToMany
        case .manyToOne: return .manyToOne(pooling ?? .finalStates)
        case .encoderDecoder: return .encoderDecoder
        case .languageModel: return .languageModel
        }
    }

    /// The architecture for one-hot input of `vocabulary` tokens, writing tokens of the same
    /// vocabulary or (many-to-one) one of `keys` classes.
    func architecture(vocabulary: Int, keys: Int, bidirectionalByDefault: Bool) -> Architecture {
        let chosen = chosenSetup ?? .manyToMany
        return Architecture(
            cell: arch ?? Defaults.cell, inputSize: vocabulary, hiddenSize: hidden ?? Defaults.hidden, layers: layers ?? 1,
            bidirectional: bidirectional ?? bidirectionalByDefault, outputSize: chosen.pooling == nil ? vocabulary : keys,
            setup: chosen)
    }

    /// The setups by name.
    enum SetupName: String, CaseIterable, ExpressibleByArgument {
        case manyToMany = "many-to-many", manyToOne = "many-to-one", encoderDecoder = "encoder-decoder", languageModel = "language-model"
    }
}

extension CellKind: ExpressibleByArgument {}
extension Pooling: ExpressibleByArgument {}
