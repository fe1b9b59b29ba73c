import ArgumentParser
import CaesarLessons

extension NetworkConfiguration.Cell: ExpressibleByArgument {}

/// A network for `caesar lesson shapes`: a preset or the textbook example, then any size
/// given by a flag.
struct NetworkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Start from one of the project's models: \(NetworkConfiguration.presets.map(\.name).joined(separator: ", ")) (V = 31, one-hot). Without it: V = 10, E = 15, H = 7, T = 5, RNN.", valueName: "name"))
    var preset: String?
    @Option(help: ArgumentHelp("Vocabulary size V.", valueName: "V"), transform: { try NumberArguments.integer($0, in: 1...1_000_000, name: "--vocabulary") })
    var vocabulary: Int?
    @Option(help: ArgumentHelp("Embedding size E (instead of one-hot input).", valueName: "E"), transform: { try NumberArguments.integer($0, in: 1...1_000_000, name: "--embedding") })
    var embedding: Int?
    @Flag(help: "Feed one-hot vectors of size V (no embedding).")
    var oneHot = false
    @Option(help: ArgumentHelp("Hidden size H per layer and direction.", valueName: "H"), transform: { try NumberArguments.integer($0, in: 1...1_000_000, name: "--hidden") })
    var hidden: Int?
    @Option(help: ArgumentHelp("The recurrent cell.", valueName: "cell"))
    var cell: NetworkConfiguration.Cell?
    @Option(help: ArgumentHelp("Number of stacked layers.", valueName: "n"), transform: { try NumberArguments.integer($0, in: 1...100, name: "--layers") })
    var layers: Int?
    @Flag(help: "Run each layer in both directions.")
    var bidirectional = false
    @Option(help: ArgumentHelp("Steps T, for the shapes of whole sequences.", valueName: "T"), transform: { try NumberArguments.integer($0, in: 1...1_000_000, name: "--steps") })
    var steps: Int?

    func validate() throws {
        if let preset, !NetworkConfiguration.presets.contains(where: { $0.name == preset }) {
            throw ValidationError("there is no preset '\(preset)'; the presets are \(NetworkConfiguration.presets.map(\.name).joined(separator: ", "))")
        }
        if oneHot, embedding != nil {
            throw ValidationError("give --embedding or --one-hot, not both")
        }
    }

    /// Whether any option describing the network was given (`--steps` describes the data).
    var describesANetwork: Bool {
        preset != nil || vocabulary != nil || embedding != nil || oneHot || hidden != nil || cell != nil || layers != nil || bidirectional
    }

    var configuration: NetworkConfiguration {
        var c = NetworkConfiguration.presets.first { $0.name == preset }?.configuration ?? .textbookExample
        c.vocabulary = vocabulary ?? c.vocabulary
        c.embedding = oneHot ? nil : embedding ?? c.embedding
        c.hidden = hidden ?? c.hidden
        c.cell = cell ?? c.cell
        c.layers = layers ?? c.layers
        c.bidirectional = bidirectional || c.bidirectional
        c.steps = steps ?? c.steps
        return c
    }
}
