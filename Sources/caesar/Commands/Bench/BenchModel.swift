import ArgumentParser
import CaesarBenchmarks
import CaesarDecryption
import Foundation

extension Bench {
    /// `caesar bench model`: how long a model file takes to load, and to decrypt one message.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Measure loading a model file and decrypting one message with it (milliseconds).",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar bench model [<options>]",
            discussion: """
                load: reading and validating the safetensors file (header, offsets, shapes, \
                finite values, metadata); decrypter: load plus building the network and its \
                packed weights, what 'caesar decrypt' does before it reads the text; decrypt: \
                ranking the 26 keys of --text and restoring it, with the model already built. \
                Each figure is the median of --repeats runs (the fastest in brackets).

                Examples:
                  caesar bench model
                  caesar bench model --model my.safetensors --repeats 51
                """
        )

        @Option(help: ArgumentHelp("The model to measure (default: the shipped Models/default.safetensors).", valueName: "path"))
        var model: String?

        @Option(help: ArgumentHelp("The message to decrypt.", valueName: "text"))
        var text = "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."

        @Option(help: ArgumentHelp("Timed runs of each figure.", valueName: "n"))
        var repeats = 21

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            guard (1...1000).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 1000") }
            if model == "" { throw ValidationError("--model needs a file path") }
        }

        func run() throws {
            let figures = try ModelBenchmark(path: try ShippedModels.decrypter(model), text: text, repeats: repeats)
            if json { try JSONReport.print(figures) } else { print(figures.rendered()) }
        }
    }
}
