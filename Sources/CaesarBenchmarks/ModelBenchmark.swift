import CaesarDecryption
import CaesarNeural

/// `caesar bench model`: how long a decrypter's file takes to load, to become a network, and
/// to decrypt one message.
public struct ModelBenchmark: Encodable, Sendable {
    public let model: String
    public let bytes: Int
    public let parameters: Int
    public let textCharacters: Int
    /// Reading and checking the safetensors file.
    public let load: MillisecondFigure
    /// Load plus building the network and its packed weights.
    public let decrypter: MillisecondFigure
    /// Ranking the 26 keys of the text and restoring it, the network built.
    public let decrypt: MillisecondFigure

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
        bytes = fileSize(atPath: path)
        parameters = file.parameters.values.count
        textCharacters = text.count
        load = try MillisecondFigure(runs: repeats) { _ = try ModelFile.load(from: path) }
        self.decrypter = try MillisecondFigure(runs: repeats) { _ = try NeuralDecrypter(path: path) }
        decrypt = try MillisecondFigure(runs: repeats) { _ = try decrypter.decrypt(text) }
    }
}
