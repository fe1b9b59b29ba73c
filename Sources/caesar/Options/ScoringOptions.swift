import ArgumentParser
import CaesarCipher

/// Which n-gram statistics to score with: the built-in English ones or `--ngrams FILE`.
struct StatisticsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Score with n-gram statistics from this file (made by 'caesar ngrams build') instead of the built-in English ones.", valueName: "path"))
    var ngrams: String?

    func validate() throws {
        if ngrams == "" {
            throw ValidationError("--ngrams needs a file path")
        }
    }

    func load() throws -> NgramStatistics {
        try ngrams.map(NgramStatistics.load(path:)) ?? NgramStatistics.english()
    }

    /// How the statistics are named in reports.
    var name: String { ngrams.map { "'\($0)'" } ?? "built-in English" }
}

/// How `brute` and `crack` judge candidate decryptions.
struct ScoringOptions: ParsableArguments {
    @Option(name: [.customShort("m"), .long], help: "How to score candidate decryptions.")
    var method: ScoringMethod = .quadgram

    @Option(help: ArgumentHelp("Decide the key from the first N letters of the text (the rest is only decrypted).", valueName: "n"))
    var prefix = CaesarStream.PrefixLimit().letters

    @OptionGroup var statistics: StatisticsOptions

    func validate() throws {
        if prefix < 1 {
            throw ValidationError("--prefix must be at least 1 letter, got \(prefix)")
        }
    }

    func cracker() throws -> Cracker {
        Cracker(method: method, statistics: try statistics.load())
    }
}

extension ScoringMethod: ExpressibleByArgument {}
