import ArgumentParser
import CaesarLessons

/// `caesar lesson shapes`: every matrix and vector of a network, and its parameter count.
struct LessonShapes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shapes",
        abstract: "The shape of every matrix and vector of an RNN or LSTM, and its parameter count.",
        discussion: """
            Shapes in the equations' column-vector form (W_x is hidden × input) beside
            PyTorch's keys and shapes; parameters counted as PyTorch counts them
            (two bias vectors per layer and direction, 4H gate rows for an LSTM).
            """
    )

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let shapes = NetworkShapes(network.configuration)
        let out = try output.open()
        try output.json ? JSONReport.write(shapes, to: out) : out.write(shapes.text())
        try out.finish()
    }
}
