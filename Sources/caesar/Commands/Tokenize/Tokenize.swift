import CaesarInspection
import ArgumentParser
import CaesarText

/// `caesar tokenize [TEXT...]`: every stage of the text pipeline, for a learner.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every stage of the text pipeline: normalized, filtered, tokens, indices, restored.",
        // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
        usage: "caesar tokenize [<options>] [<text> ...]",
        discussion: """
            Stages: (a) normalize: lowercase and fold Latin letters to a-z (é → e, ß → ss, \
            Œ → oe); (b) filter: keep a-z and '.', one [sep] for each gap between words, \
            delete the rest; (c) tokenize: each sentence wrapped in [start] … [end]; (d) the \
            token indices (a-z = 0-25, '.' = 26, [sep] = 27, [start] = 28, [end] = 29, \
            [pad] = 30); (e) with --one-hot, the T × 31 one-hot matrix. Last, the text \
            restored from the tokens and whether it equals the input byte for byte.

            Sentences end where ICU's sentence breaks say (at '.', '!' and '?', but not \
            after abbreviations such as "Mr."), after a run of periods (--sentences \
            periods), or nowhere (--sentences none). This display command reads at most 1 MiB \
            of text (64 KiB with --one-hot).

            Examples:
              caesar tokenize "Où est Mr. Dupont? À l'école."
              caesar tokenize --one-hot "Hi. Bye."
              caesar tokenize --json -i Corpora/en-the-lighthouse-letters.txt
            """
    )

    /// The most text the display reads: every stage of more would not be read by anyone.
    /// The one-hot matrix has 31 numbers a token, so it gets less.
    static let inputLimit = 1 << 20
    static let oneHotInputLimit = 64 << 10

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sentences: SentenceOptions

    @Flag(help: "Also print the one-hot matrix, one row per token and one column per vocabulary entry.")
    var oneHot = false

    func run() throws {
        let text = try input.open().readAll(limit: oneHot ? Self.oneHotInputLimit : Self.inputLimit)
        let pipeline = try TextPipeline(options: .init(sentences: sentences.splitting))
        let report = try TokenizeReport(text: text, pipeline: pipeline, oneHot: oneHot)
        let destination = try output.open()
        if output.json { try JSONReport.write(report, to: destination) } else { try destination.write(report.rendered()) }
        try destination.finish()
    }
}
