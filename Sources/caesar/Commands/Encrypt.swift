import ArgumentParser
import CaesarCipher

extension Caesar {
    /// `caesar encrypt --key N [TEXT...]`: the classical cipher with a known key, streamed.
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encrypt text with a known key: letters A–Z move, keep their case, and nothing else changes.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar encrypt [<options>] [<text> ...]",
            discussion: """
                Streams: input of any size is read and written in constant memory. Text given as arguments \
                is printed with a final newline; files and standard input are copied byte for byte apart \
                from the letters.

                Examples:
                  caesar encrypt --key 3 "Attack at dawn"      # Dwwdfn dw gdzq
                  caesar encrypt --key -3 "Dwwdfn dw gdzq"     # back again
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

        func run() throws {
            // Checked here, not in validate(): ArgumentParser validates before it reports unknown
            // flags, and `--shft 3` should be named as a typo, not as a missing key.
            guard let shift = key.cipher else { throw ValidationError("encrypt needs a key: --key N, --rot13 or --rot47") }
            if output.json {
                try output.writeJSON(Report(key: shift.key, ciphertext: try ShiftedOutput.shiftAll(input, through: shift)))
            } else {
                try ShiftedOutput.stream(input, through: shift, to: output)
            }
        }
    }
}
