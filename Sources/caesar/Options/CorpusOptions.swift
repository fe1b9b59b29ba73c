import ArgumentParser
import CaesarIO
import CaesarTraining

#if canImport(Glibc)
import Glibc
#endif

/// Real text to run a model on: `--corpus FILE` (or a folder of .txt files), by default the
/// English story in the source checkout's Corpora/.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Text to run the model on: a file, or a folder of .txt files (default: Corpora/en-the-lighthouse-letters.txt of the source checkout).", valueName: "path"))
    var corpus: String?

    func validate() throws {
        if corpus == "" { throw ValidationError("--corpus needs a file or folder path") }
    }

    /// The path read: --corpus, or the default text.
    var path: String { corpus ?? SourceCheckout.englishText }

    /// How output names the text: as given, or the default by its place in the checkout.
    var name: String { corpus ?? "Corpora/en-the-lighthouse-letters.txt" }

    /// The text as the trainer reads it: token indices of a–z, '.' and [sep].
    func tokens() throws -> [UInt8] {
        if corpus == nil && access(path, R_OK) != 0 {
            throw ValidationError("the default text \(name) is not there (this binary was built in another checkout); give --corpus FILE")
        }
        return try TrainingCorpus.read([path], lossy: false).tokens
    }
}
