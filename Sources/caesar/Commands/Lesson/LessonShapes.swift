import CaesarInspection
import ArgumentParser
import CaesarLessons
import CaesarTraining

/// `caesar lesson shapes`: every matrix and vector of a network, and its parameter count.
struct LessonShapes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shapes",
        abstract: "The shape of every matrix and vector of an RNN or LSTM, and its parameter count.",
        // Generated, the synopsis would list all twelve options on one line of 216 characters;
        // OPTIONS lists them anyway, so the usage says <options>, as the other lessons' do.
        usage: "caesar lesson shapes <options>",
        discussion: """
            Shapes in the equations' column-vector form (W_x is hidden × input) beside
            PyTorch's keys and shapes; parameters counted as PyTorch counts them
            (two bias vectors per layer and direction, 4H gate rows for an LSTM).

            With --model FILE, the shapes of a trained model, under the names its
            file gives the tensors (rnn.weight_ih_l0, …, out.bias); T is the length
            it was trained on unless --steps says otherwise.

            Examples:
              caesar lesson shapes
              caesar lesson shapes --model Models/default.safetensors
            """
    )

    @OptionGroup var network: NetworkOptions
    @OptionGroup var file: ModelOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if file.model != nil, network.describesANetwork {
            throw ValidationError("--model gives the network; leave out --preset, --vocabulary, --embedding, --one-hot, --hidden, --cell, --layers and --bidirectional")
        }
    }

    func run() throws {
        let model = try file.load()
        let shapes = try model.map { try $0.shapes(steps: network.steps) } ?? NetworkShapes(network.configuration)
        let out = try output.open()
        try output.json ? JSONReport.write(shapes, to: out) : out.write((model.map { "Model '\($0.path ?? "")': \($0.architecture)\n\n" } ?? "") + shapes.text())
        try out.finish()
    }
}
