/// Why a model cannot decrypt, or a text cannot be decrypted. One line each, with a hint.
public enum DecryptionError: Error, Equatable, CustomStringConvertible {
    case notADecrypter(path: String, reason: String)
    case noLetters(source: String)
    case noDefaultModel(path: String)
    case fixedKeyCalibration(path: String, key: Int)

    public var description: String {
        switch self {
        case .notADecrypter(let path, let reason):
            return "model '\(path)' cannot decrypt: \(reason); hint: use a model made by 'caesar train' (any --setup, over the 31-token vocabulary)"
        case .noLetters(let source):
            return "no letters a–z in \(source), so there is no key to find; hint: give ciphertext with Latin letters"
        case .noDefaultModel(let path):
            return "the default model '\(path)' is missing; hint: pass --model PATH, or restore Models/ from the repository"
        case .fixedKeyCalibration(let path, let key):
            return "model '\(path)' was trained for key \(key) only, so it has no choice among keys whose confidence could be calibrated; hint: calibrate a model trained with --key any"
        }
    }
}
