import ArgumentParser

extension Caesar {
    /// `caesar ngrams …`: the language models and letter statistics that cracking scores with.
    struct Ngrams: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build n-gram language models ('build') or the letter statistics of the classical scorers ('letters').",
            subcommands: [Build.self, Letters.self]
        )
    }
}
