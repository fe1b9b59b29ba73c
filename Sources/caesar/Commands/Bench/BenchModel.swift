import ArgumentParser
import CaesarDecryption
import CaesarNeural
import CaesarTraining
import Foundation

extension Bench {
    /// `caesar bench model`: how long a model file takes to load, and to decrypt one message.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Measure loading a model file and decrypting one message with it (milliseconds).",
            discussion: """
                load: reading and validating the safetensors file (header, offsets, shapes, \
                finite values, metadata); decrypter: load plus building the network and its \
                packed weights, what 'caesar decrypt' does before it reads the text; decrypt: \
                ranking the 26 keys of --text and restoring it, with the model already built. \
                Each figure is the median of --repeats runs (the fastest in brackets).
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
            let path = try KeyedDecryption.model(model)
            let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let file = try ModelFile.load(from: path)
            let decrypter = try NeuralDecrypter(file: file, path: path)
            let load = try Self.milliseconds(repeats) { _ = try ModelFile.load(from: path) }
            let build = try Self.milliseconds(repeats) { _ = try NeuralDecrypter(path: path) }
            let decrypt = try Self.milliseconds(repeats) { _ = try decrypter.decrypt(text) }
            let parameters = file.parameters.values.count
            if json {
                let result: [String: Any] = [
                    "model": path, "bytes": bytes, "parameters": parameters, "text_characters": text.count,
                    "load_ms": ["median": load.median, "min": load.min],
                    "decrypter_ms": ["median": build.median, "min": build.min],
                    "decrypt_ms": ["median": decrypt.median, "min": decrypt.min],
                ]
                let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            print("model      \(path): \(grouped(bytes)) bytes, \(grouped(parameters)) parameters")
            print(String(format: "load       %8.3f ms  (fastest %.3f)", load.median, load.min))
            print(String(format: "decrypter  %8.3f ms  (fastest %.3f)", build.median, build.min))
            print(String(format: "decrypt    %8.3f ms  (fastest %.3f)  %d characters", decrypt.median, decrypt.min, text.count))
        }

        /// Median and fastest wall time of `runs` calls, in milliseconds, after one untimed call.
        static func milliseconds(_ runs: Int, _ body: () throws -> Void) throws -> (median: Double, min: Double) {
            let seconds = try timedRuns(runs, body)
            return (seconds[seconds.count / 2] * 1000, seconds[0] * 1000)
        }
    }
}
