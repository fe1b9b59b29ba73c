import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarIO

extension Caesar {
    /// `caesar decrypt [--key N] [TEXT...]`: with a key, undoes `encrypt`; without one, finds
    /// the key first (language models by default). Streamed either way.
    struct Decrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt text: with --key N, or without a key by finding it first (language models, or --method …).",
            discussion: """
                Without a key, each of the 26 keys is scored by how probable its plaintext is as text in \
                each language (Bayes' rule with the shipped language models; --method neural asks the \
                decrypter network instead), and the best key decrypts the whole text exactly (case, \
                accents, punctuation and spacing kept). The key is judged on the first --prefix letters. \
                The first line gives the key, its confidence and the language; --quiet prints only the \
                plaintext. When no key gives plausible plaintext, it says so and exits with status 1. \
                --raw shows the network's own character-by-character output (--method neural). 'caesar \
                crack' does the same with --top.

                Examples:
                  caesar decrypt "Wkh vhfuhw phhwlqj lv dw gdzq."
                  caesar decrypt --language de "Lfk nrpph johlfk"
                  caesar decrypt --method neural --raw "Wkh vhfuhw phhwlqj lv dw gdzq."
                  caesar decrypt --model my.safetensors -i secret.txt -o plain.txt
                  caesar decrypt --lines -i messages.txt                    # a key per line
                  caesar decrypt --key 3 "Dwwdfn dw gdzq"                 # Attack at dawn
                """
        )

        @OptionGroup var key: KeyOptions
        @OptionGroup var method: MethodOptions

        @Flag(help: "With --method neural: also show the network's own output, character by character (holds the text in memory, up to 1 MiB).")
        var raw = false

        @Flag(name: [.customShort("q"), .long], help: "Print only the plaintext, not the key line.")
        var quiet = false

        @Flag(help: "Each line is its own message with its own key: one plaintext line per input line, the keys on standard error (--json: JSON Lines).")
        var lines = false

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            let findsKey = method.method != nil || method.model != nil || raw || !method.lm.isEmpty || method.language != "auto" || method.ngrams != nil
            if key.cipher != nil, findsKey {
                throw ValidationError("--method, --model, --lm, --language, --ngrams and --raw find a key; with --key, --rot13 or --rot47 the key is given")
            }
            if raw, method.method.map({ $0 != .neural }) ?? false { throw ValidationError("--raw shows the network's output: it belongs to --method neural") }
            if raw, lines { throw ValidationError("--raw shows one text's network output; drop --lines") }
            if raw, output.output != nil, !output.json {
                throw ValidationError("--raw prints for reading; use --json to save it in a file")
            }
        }

        func run() throws {
            if let shift = key.cipher {
                return try ShiftedOutput.decrypt(input, by: shift, to: output)
            }
            try key.alphabet.requireFindable()
            if lines { return try LineByLineOutput(input: input, output: output, method: method, quiet: quiet, alphabet: key.alphabet.chosen).run() }
            if raw { return try NetworkTraceOutput(command: self).run() }
            let stream = DecryptionOutput(input: input, output: output, prefix: CaesarStream.PrefixLimit(letters: method.prefix), quiet: quiet,
                                     ranker: try method.ranker(), alphabet: key.alphabet.chosen)
            try stream.run(from: try input.open())
        }
    }
}
