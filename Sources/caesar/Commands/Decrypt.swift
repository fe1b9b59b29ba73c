import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarIO

extension Caesar {
    /// `caesar decrypt [--shift N] [TEXT...]`: with a key, undoes `encrypt`; without one, a
    /// neural model (or an n-gram scorer) finds the key first. Streamed either way.
    struct Decrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt text: with --shift N, or without a key by a neural model (or --method quadgram …).",
            discussion: """
                Without a key, the network reads the first --prefix letters, scores each of the 26 keys \
                by the probability it gives the plaintext that key implies, and the best key decrypts \
                the whole text exactly (case, accents, punctuation and spacing kept). The first line \
                gives the key and its confidence; --quiet prints only the plaintext. --raw also shows \
                the network's own character-by-character output, before any key is chosen. For the \
                n-gram scorers with all the scorers' options (--top, --ngrams), see 'caesar crack'.

                Examples:
                  caesar decrypt "Wkh vhfuhw phhwlqj lv dw gdzq."           # the shipped model
                  caesar decrypt --raw "Wkh vhfuhw phhwlqj lv dw gdzq."
                  caesar decrypt --model my.safetensors -i secret.txt -o plain.txt
                  caesar decrypt --shift 3 "Dwwdfn dw gdzq"                 # Attack at dawn
                """
        )

        /// How keys are found when none is given.
        enum Method: String, ExpressibleByArgument, CaseIterable {
            case neural, quadgram, bigram, unigram, chi2
        }

        @OptionGroup var key: KeyOptions

        @Option(name: [.customShort("m"), .long], help: "Without a key: neural (a trained model) or an n-gram scorer.")
        var method: Method = .neural

        @Option(help: ArgumentHelp("The model for --method neural (default: the shipped Models/default.safetensors).", valueName: "path"))
        var model: String?

        @Option(help: ArgumentHelp("Decide the key from the first N letters (the rest is only decrypted).", valueName: "n"))
        var prefix = 2000

        @Flag(inversion: .prefixedNo, help: "Score the keys on all 26 rotations of the ciphertext and average the network's evidence (the default for any-key models; --no-rotations: one reading).")
        var rotations = true

        @Flag(help: "Also show the network's own output, character by character (holds the text in memory, up to 1 MiB).")
        var raw = false

        @Flag(name: [.customShort("q"), .long], help: "Print only the plaintext, not the key line.")
        var quiet = false

        @OptionGroup var statistics: StatisticsOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if prefix < 1 { throw ValidationError("--prefix must be at least 1 letter, got \(prefix)") }
            if key.cipher != nil, raw || model != nil || method != .neural {
                throw ValidationError("--raw, --model and --method find a key; with --shift or --rot13 the key is given")
            }
            if method != .neural, raw || model != nil {
                throw ValidationError("--raw and --model belong to --method neural")
            }
            if raw, output.output != nil, !output.json {
                throw ValidationError("--raw prints for reading; use --json to save it in a file")
            }
        }

        func run() throws {
            if let shift = key.cipher {
                return try KeyedDecryption.known(shift, input: input, output: output)
            }
            let decryption = KeyedDecryption(command: self)
            if raw { return try decryption.raw() }
            try decryption.stream()
        }
    }
}
