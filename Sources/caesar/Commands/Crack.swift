import ArgumentParser
import CaesarCipher
import CaesarIO
import Foundation

extension Caesar {
    /// `caesar crack [TEXT...]`: finds the key and prints the plaintext, streamed.
    struct Crack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find an unknown key, then print the key, its confidence and the plaintext.",
            discussion: """
                By default the key is the one whose plaintext the language models find most probable \
                (Bayes' rule over the 26 keys and, with --language auto, the languages); --method picks \
                another way. The key is decided from the first --prefix letters; then the whole input is \
                decrypted and streamed, so input of any size runs in constant memory. The plaintext goes \
                to standard output (or --output); a line on standard error says the key, its confidence \
                (the calibrated posterior probability of the key), the language, and how many letters it \
                was judged on, with --top the best keys after it; --quiet leaves that out. When no key \
                gives plausible plaintext (random letters, another cipher), it says so and exits with \
                status 1. --json prints everything as one object on standard output, holding the \
                plaintext in memory (up to 64 MiB).

                Examples:
                  caesar crack "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."
                  caesar crack --language fr "Ar eraqrm-ibhf pr fbve"
                  caesar crack --method chi2 --top 3 < secret.txt
                  caesar crack --lm dutch.safetensors --quiet -i brief.txt -o brief.klaar.txt
                  caesar crack --lines --json < intercepted.txt             # JSON Lines, a key per line
                """
        )

        @OptionGroup var method: MethodOptions
        @OptionGroup var alphabet: AlphabetOptions

        @Option(help: ArgumentHelp("Also list the N best keys with their scores (--json: default all 26).", valueName: "n"))
        var top: Int?

        @Flag(name: [.customShort("q"), .long], help: "Print only the plaintext, not the key line.")
        var quiet = false

        @Flag(help: "Each line is its own message with its own key: one plaintext line per input line, the keys on standard error (--json: JSON Lines).")
        var lines = false

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let top, !(1...26).contains(top) {
                throw ValidationError("--top must be between 1 and 26, got \(top)")
            }
            if top != nil, lines { throw ValidationError("--top lists one message's keys; with --lines use --json for each line's key") }
        }

        func run() throws {
            try alphabet.requireFindable()
            if lines { return try LineByLineOutput(input: input, output: output, method: method, quiet: quiet, alphabet: alphabet.chosen).run() }
            let ranker = try method.ranker()
            let stream = DecryptionOutput(input: input, output: output, prefix: CaesarStream.PrefixLimit(letters: method.prefix), quiet: quiet, top: top, ranker: ranker, alphabet: alphabet.chosen)
            try stream.run(from: try input.open())
        }
    }
}
