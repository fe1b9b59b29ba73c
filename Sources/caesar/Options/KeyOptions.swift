import ArgumentParser
import CaesarCipher

/// A known key: `--shift N` (any integer, negative or beyond 64 bits) or `--rot13`.
struct KeyOptions: ParsableArguments {
    // `.unconditional`: the next word is the value even when it starts with '-', so that
    // `--shift -3` is a key and not an unknown flag.
    @Option(
        name: [.customShort("k"), .long], parsing: .unconditional,
        help: ArgumentHelp("Move letters this many places along the alphabet (any integer, taken mod 26; negative moves back).", valueName: "n")
    )
    var shift: CaesarShift?

    @Flag(help: "Use ROT13, the shift by 13 that is its own inverse.")
    var rot13 = false

    func validate() throws {
        if shift != nil, rot13 {
            throw ValidationError("give --shift or --rot13, not both")
        }
    }

    /// The chosen shift, or `nil` when no key was given.
    var cipher: CaesarShift? { rot13 ? .rot13 : shift }
}

extension CaesarShift: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
