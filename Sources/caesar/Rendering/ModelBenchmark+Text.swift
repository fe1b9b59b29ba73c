import CaesarBenchmarks
import CaesarTraining
import Foundation

extension ModelBenchmark {
    /// The figures as `caesar bench model` prints them.
    func rendered() -> String {
        """
        model      \(model): \(grouped(bytes)) bytes, \(grouped(parameters)) parameters
        \(String(format: "load       %8.3f ms  (fastest %.3f)", load.median, load.min))
        \(String(format: "decrypter  %8.3f ms  (fastest %.3f)", decrypter.median, decrypter.min))
        \(String(format: "decrypt    %8.3f ms  (fastest %.3f)  %d characters", decrypt.median, decrypt.min, textCharacters))
        """
    }
}
