import CaesarLanguage
import Foundation

/// The models that come with caesar, in the `Models/` folder of the checkout the library was
/// built from (or the folder `CAESAR_MODELS` names, for a copied binary).
public enum ShippedModels {
    /// The folder holding the models.
    public static var folder: String {
        if let given = ProcessInfo.processInfo.environment["CAESAR_MODELS"], !given.isEmpty { return given }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder.appendingPathComponent("Models").path
            }
            folder.deleteLastPathComponent()
        }
        return "Models"
    }

    /// The languages a language model is shipped for, in the order `--language auto` lists them.
    public static let languages = ["en", "fr", "de", "es", "it"]

    /// Their names, for people.
    public static let languageNames = ["en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian"]

    /// The shipped n-gram language model of `language`.
    public static func languageModel(_ language: String) -> String { folder + "/languages/\(language).safetensors" }

    /// The shipped any-key decrypter (a bidirectional LSTM).
    public static var decrypter: String { folder + "/default.safetensors" }

    /// The shipped character-level recurrent language model of English.
    public static var neuralLanguageModel: String { folder + "/char-rnn-en.safetensors" }

    /// The decrypter a command reads: the one `given`, or the shipped one, which must be there.
    public static func decrypter(_ given: String?) throws -> String {
        try given ?? existing(decrypter)
    }

    /// `path`, which must exist: a shipped model that is missing is an error with a hint.
    static func existing(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw DecryptionError.noDefaultModel(path: path) }
        return path
    }
}
