import ArgumentParser
import CaesarNeural

/// The defaults a command gives the shape options: `train` builds real models, `gradcheck`
/// tiny ones. They appear in the help of each.
protocol ArchitectureDefaults {
    static var cell: CellKind { get }
    static var hidden: Int { get }
    /// When the layers read both ways, as the help says it.
    static var bidirectional: String { get }
}

/// The shape of a recurrent network: cell, width, depth, direction.
struct ArchitectureOptions<Defaults: ArchitectureDefaults>: ParsableArguments {
    @Option(help: "The recurrent cell: rnn (Elman, tanh) or lstm (default \(Defaults.cell.rawValue)).")
    var arch: CellKind?

    @Option(help: "Hidden units per direction (default \(Defaults.hidden)).")
    var hidden: Int?

    @Option(help: "Stacked recurrent layers (default 1).")
    var layers: Int?

    @Flag(inversion: .prefixedNo, help: "Read the text in both directions (default: \(Defaults.bidirectional)).")
    var bidirectional: Bool?

    func validate() throws {
        if let hidden, !(1...4096).contains(hidden) { throw ValidationError("--hidden must be between 1 and 4096, got \(hidden)") }
        if let layers, !(1...16).contains(layers) { throw ValidationError("--layers must be between 1 and 16, got \(layers)") }
    }

    /// Whether any shape option was given (with --resume they must agree with the checkpoint).
    var isGiven: Bool { arch != nil || hidden != nil || layers != nil || bidirectional != nil }

    /// The architecture for one-hot input and output of `vocabulary` classes.
    func architecture(vocabulary: Int, bidirectionalByDefault: Bool) -> Architecture {
        Architecture(cell: arch ?? Defaults.cell, inputSize: vocabulary, hiddenSize: hidden ?? Defaults.hidden, layers: layers ?? 1,
                     bidirectional: bidirectional ?? bidirectionalByDefault, outputSize: vocabulary)
    }
}

extension CellKind: ExpressibleByArgument {}
