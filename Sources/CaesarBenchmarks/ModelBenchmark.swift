import CaesarDecryption
import CaesarNeural
import Foundation

/// `caesar bench model`: how long a decrypter's file takes to load, to become a network, and
/// to decrypt one message.
public struct ModelBenchmark: Encodable, Sendable {
    /// Milliseconds: the median of the timed runs, and the fastest.
    public struct Figure: Encodable, Sendable {
        public let median: Double
        public let min: Double
    }

    public let model: String
    public let bytes: Int
    public let parameters: Int
    public let textCharacters: Int
    /// Reading and checking the safetensors file.
    public let load: Figure
    /// Load plus building the network and its packed weights.
    public let decrypter: Figure
    /// Ranking the 26 keys of the text and restoring it, the network built.
    public let decrypt: Figure

    enum CodingKeys: String, CodingKey {
        case model, bytes, parameters, textCharacters = "text_characters"
        case load = "load_ms", decrypter = "decrypter_ms", decrypt = "decrypt_ms"
    }

    /// Measures the decrypter at `path` on `text`, `repeats` timed runs a figure.
    public init(path: String, text: String, repeats: Int) throws {
        precondition(repeats >= 1, "measure at least once")
        let file = try ModelFile.load(from: path)
        let decrypter = try NeuralDecrypter(file: file, path: path)
        model = path
        bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        parameters = file.parameters.values.count
        textCharacters = text.count
        load = try Self.milliseconds(repeats) { _ = try ModelFile.load(from: path) }
        self.decrypter = try Self.milliseconds(repeats) { _ = try NeuralDecrypter(path: path) }
        decrypt = try Self.milliseconds(repeats) { _ = try decrypter.decrypt(text) }
    }

    /// Median and fastest wall time of `runs` calls, in milliseconds, after one untimed call.
    static func milliseconds(_ runs: Int, _ body: () throws -> Void) throws -> Figure {
        let seconds = try timedRuns(runs, body)
        return Figure(median: seconds[seconds.count / 2] * 1000, min: seconds[0] * 1000)
    }
}
