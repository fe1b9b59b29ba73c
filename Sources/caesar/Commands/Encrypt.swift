import ArgumentParser
import CaesarCipher

extension Caesar {
    /// `caesar encrypt --shift N [TEXT...]`: the classical cipher with a known key, streamed.
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encrypt text with a known key: letters A–Z move, keep their case, and nothing else changes.",
            discussion: """
                Streams: input of any size is read and written in constant memory. Text given as arguments \
                is printed with a final newline; files and standard input are copied byte for byte apart \
                from the letters.

                Examples:
                  caesar encrypt --shift 3 "Attack at dawn"      # Dwwdfn dw gdzq
                  caesar encrypt --shift -3 "Dwwdfn dw gdzq"     # back again
                  caesar encrypt --rot13 < notes.txt > notes.rot13
                """
        )

        @OptionGroup var key: KeyOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            let key: Int
            let ciphertext: String
        }

        func validate() throws {
            if key.cipher == nil {
                throw ValidationError("encrypt needs a key: --shift N or --rot13")
            }
        }

        func run() throws {
            let shift = key.cipher!
            if output.json {
                try output.writeJSON(Report(key: shift.key, ciphertext: try Shifting.shiftAll(input, through: shift)))
            } else {
                try Shifting.stream(input, through: shift, to: output)
            }
        }
    }
}
