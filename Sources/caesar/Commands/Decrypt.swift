import ArgumentParser
import CaesarCipher

extension Caesar {
    /// `caesar decrypt --shift N [TEXT...]`: undoes `encrypt` with the same key, streamed.
    struct Decrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt text with a known key (the key it was encrypted with).",
            discussion: """
                Decrypting with --shift N is encrypting with --shift -N. To find an unknown key, use 'caesar \
                crack'.

                Examples:
                  caesar decrypt --shift 3 "Dwwdfn dw gdzq"        # Attack at dawn
                  caesar decrypt --rot13 --input notes.rot13 --output notes.txt
                """
        )

        @OptionGroup var key: KeyOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        /// How the plaintext is found. A known key is the only way for now; model-based
        /// decryption without a key slots in here as another case.
        enum Strategy {
            case knownKey(CaesarShift)
        }

        struct Report: Encodable {
            let key: Int
            /// 1: the key was given, not inferred.
            let confidence: Double
            let method: String
            let plaintext: String
        }

        func validate() throws {
            _ = try strategy()
        }

        func strategy() throws -> Strategy {
            guard let shift = key.cipher else {
                throw ValidationError("decrypt needs a key, --shift N or --rot13 (to find an unknown key, run 'caesar crack')")
            }
            return .knownKey(shift)
        }

        func run() throws {
            switch try strategy() {
            case .knownKey(let shift):
                if output.json {
                    let plaintext = try Shifting.shiftAll(input, through: shift.inverse)
                    try output.writeJSON(Report(key: shift.key, confidence: 1, method: "key", plaintext: plaintext))
                } else {
                    try Shifting.stream(input, through: shift.inverse, to: output)
                }
            }
        }
    }
}
