import ArgumentParser
import CaesarText

/// Where sentences end, for commands that wrap text in `[start]` … `[end]`.
struct SentenceOptions: ParsableArguments {
    enum Rule: String, ExpressibleByArgument, CaseIterable {
        case icu, periods, none
    }

    @Option(help: ArgumentHelp("Where sentences end: icu (ICU's sentence breaks), periods, or none.", valueName: "rule"))
    var sentences: Rule = .icu

    @Option(help: ArgumentHelp("The ICU locale for --sentences icu; '@ss=standard' keeps abbreviations such as \"Mr.\" inside a sentence. (default: en@ss=standard)", valueName: "locale"))
    var locale: String?

    func validate() throws {
        if locale != nil && sentences != .icu {
            throw ValidationError("--locale applies to --sentences icu only")
        }
        if locale == "" {
            throw ValidationError("--locale needs a locale such as en@ss=standard or de@ss=standard")
        }
    }

    /// The pipeline's setting for these flags.
    var splitting: TextPipeline.SentenceSplitting {
        switch sentences {
        case .icu: return locale.map { .icu(locale: $0) } ?? .standard
        case .periods: return .periods
        case .none: return .none
        }
    }
}
