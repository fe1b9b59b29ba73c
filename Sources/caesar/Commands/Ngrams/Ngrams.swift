import ArgumentParser

extension Caesar {
    /// `caesar ngrams …`: the letter statistics that cracking scores with.
    struct Ngrams: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the letter n-gram statistics that 'brute' and 'crack' score with.",
            subcommands: [Build.self, Model.self]
        )
    }
}
