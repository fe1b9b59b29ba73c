import ArgumentParser

extension Caesar {
    /// `caesar ngrams …`: the language models and letter statistics that cracking scores with.
    struct Ngrams: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build n-gram language models ('build') or the letter statistics of the classical scorers ('letters').",
            discussion: """
                Examples:
                  caesar ngrams build --language fr --output fr.safetensors madame-bovary.txt
                  caesar ngrams letters --output french.ngrams madame-bovary.txt
                """,
            subcommands: [Build.self, Letters.self]
        )
    }
}
