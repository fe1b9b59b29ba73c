import ArgumentParser
import CaesarCipher

/// A known key: `--key N` (any integer, negative or beyond 64 bits) or `--rot13`. The key is
/// `--key` in every subcommand (`train` and `report` too); `--shift`, its older name here,
/// is still accepted.
struct KeyOptions: ParsableArguments {
    // `.unconditional`: the next word is the value even when it starts with '-', so that
    // `--key -3` is a key and not an unknown flag.
    @Option(
        name: [.customShort("k"), .customLong("key")], parsing: .unconditional,
        help: ArgumentHelp("Move letters this many places along the alphabet (any integer, taken mod 26; negative moves back).", valueName: "n"),
        transform: KeyOptions.parse)
    var key: CaesarShift?

    /// `--shift`, the key's older name here: accepted, not shown in help.
    @Option(name: .customLong("shift"), parsing: .unconditional, help: .hidden, transform: KeyOptions.parse)
    var shiftAlias: CaesarShift?

    var shift: CaesarShift? { key ?? shiftAlias }

    static func parse(_ text: String) throws -> CaesarShift {
        guard let shift = CaesarShift(parsing: text) else {
            throw ValidationError("give an integer (any number of digits, negative too)")
        }
        return shift
    }

    @Flag(help: "Use ROT13, the shift by 13 that is its own inverse.")
    var rot13 = false

    func validate() throws {
        if key != nil, shiftAlias != nil { throw ValidationError("give --key once (--shift is its older name)") }
        if shift != nil, rot13 {
            throw ValidationError("give --key or --rot13, not both")
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
