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
    var key: Int?

    /// `--shift`, the key's older name here: accepted, not shown in help.
    @Option(name: .customLong("shift"), parsing: .unconditional, help: .hidden, transform: KeyOptions.parse)
    var shiftAlias: Int?

    @Flag(help: "Use ROT13, the shift by 13 that is its own inverse.")
    var rot13 = false

    @Flag(help: "Use ROT47: every printable ASCII character ('!' to '~') moved 47 places round the 94; its own inverse.")
    var rot47 = false

    @OptionGroup var alphabet: AlphabetOptions

    /// Keys are kept mod 6110, a multiple of every alphabet's key modulus (26, 130, 94), so that
    /// the reduction is exact whichever alphabet the key is used with.
    static let modulus = 6110

    static func parse(_ text: String) throws -> Int {
        guard let key = CaesarShift.integer(parsing: text, modulo: modulus) else {
            throw ValidationError("give an integer (any number of digits, negative too)")
        }
        return key
    }

    func validate() throws {
        if key != nil, shiftAlias != nil { throw ValidationError("give --key once (--shift is its older name)") }
        if [key ?? shiftAlias != nil, rot13, rot47].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --key, --rot13 and --rot47")
        }
        if rot47, alphabet.alphabet != nil { throw ValidationError("--rot47 is its own alphabet (printable ASCII); drop --alphabet") }
    }

    /// The chosen shift, or `nil` when no key was given.
    var cipher: CaesarShift? {
        if rot47 { return .rot47 }
        if rot13 { return CaesarShift.rot13.over(alphabet.chosen) }
        return (key ?? shiftAlias).map { CaesarShift(key: $0, alphabet: alphabet.chosen) }
    }
}

/// What the cipher moves: letters (the Caesar cipher), letters and digits, or all printable
/// ASCII (as ROT47 does).
struct AlphabetOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "What moves: letters (default), letters-digits (0–9 too, by the key mod 10), or printable (the 94 printable ASCII characters, as ROT47).",
        valueName: "alphabet"))
    var alphabet: CaesarShift.Alphabet?

    var chosen: CaesarShift.Alphabet { alphabet ?? .letters }

    /// For commands that find the key: it is judged on the letters, so the printable alphabet
    /// (where letters and punctuation move into each other) has no scorer.
    func requireFindable() throws {
        if alphabet == .printable {
            throw ValidationError("a printable-ASCII (ROT47) key cannot be found from letters; give it with decrypt --key N --alphabet printable, or --rot47")
        }
    }
}

extension CaesarShift.Alphabet: ExpressibleByArgument {}
