import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarInspection
import CaesarIO

/// `caesar eval`: every way of finding a key, measured on the same messages of held-out text.
struct Eval: ParsableCommand, MatrixHeavyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the ways of finding a key side by side: keys right, calibration, refusals, by message length.",
        discussion: """
            Draws --trials messages per length from the corpus: spans that begin at a word and stop \
            after exactly that many letters, each encrypted with a random key 1–25 (fixed --seed). \
            Every method cracks the very same messages. For each it prints how often the key is \
            right, then how honest its confidence is: the mean confidence, the expected calibration \
            error (ECE, ten bins) and the share right of the answers given with confidence ≥ 0.99, \
            and how often it refused ("no plausible plaintext"). --noise does it again with every \
            letter of the spans replaced by a random one, to count the refusals that should happen. \
            With --text-language, the language models' language guess is checked too. For the \
            neural method it also measures the network's own character-by-character output. \
            --report writes all of it with reliability diagrams as one HTML page. Use text the \
            models were not trained on.

            Examples:
              caesar eval --corpus held-out/alice.txt --text-language en
              caesar eval --corpus germinal.txt --text-language fr --methods lm quadgram --noise
              caesar eval --model my.safetensors --corpus story.txt --lengths 5 10 20 --report eval.html
            """)

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Held-out UTF-8 texts to draw the messages from.", valueName: "file"))
    var corpus: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Methods to measure (default: all; lm first).", valueName: "method"))
    var methods: [CrackingMethod] = CrackingMethod.allCases

    @Option(help: ArgumentHelp("For lm: the languages to weigh, auto (all shipped) or one code.", valueName: "code"))
    var language = "auto"

    @Option(help: ArgumentHelp("For lm: a language model file instead of the shipped ones (repeatable).", valueName: "path"))
    var lm: [String] = []

    @Option(help: ArgumentHelp("For neural: a decrypter (repeatable; default the shipped Models/default.safetensors).", valueName: "path"))
    var model: [String] = []

    @Flag(inversion: .prefixedNo, help: "For neural: score the keys on all 26 rotations and average (the default for any-key many-to-many models).")
    var rotations = true

    @Option(help: ArgumentHelp("The corpus's language: checks how often lm names it.", valueName: "code"))
    var textLanguage: String?

    @Option(parsing: .upToNextOption, help: "Message lengths, in letters.")
    var lengths = [4, 5, 6, 8, 10, 15, 20]

    @Option(help: "Messages per length.")
    var trials = 1000

    @Option(help: "Seed of the spans and keys.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Where messages begin: word (as people write them) or letter (anywhere).", valueName: "start"))
    var starts: KeyRecoveryEvaluation.SpanStart = .word

    @Flag(help: "Also measure the same spans with random letters: how often each method refuses them.")
    var noise = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "For neural: also measure the raw output the reference's way, on the first 2600 windows of these many characters, key i mod 26.",
        valueName: "n"))
    var windows: [Int] = []

    @Option(help: ArgumentHelp("Write the results with reliability diagrams as an HTML page.", valueName: "path"))
    var report: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("give held-out text with --corpus FILE") }
        guard (1...1_000_000).contains(trials) else { throw ValidationError("--trials must be between 1 and 1000000, got \(trials)") }
        guard !lengths.isEmpty, lengths.allSatisfy({ (1...10_000).contains($0) }), Set(lengths).count == lengths.count else {
            throw ValidationError("--lengths takes distinct lengths between 1 and 10000 letters")
        }
        guard windows.allSatisfy({ (1...10_000).contains($0) }) else {
            throw ValidationError("--windows takes lengths between 1 and 10000 characters")
        }
        guard !methods.isEmpty, Set(methods).count == methods.count else { throw ValidationError("--methods lists each method once") }
        if language != "auto", !ShippedModels.languages.contains(language) {
            throw ValidationError("--language takes auto or one of \(ShippedModels.languages.joined(separator: ", ")), got '\(language)'")
        }
        if !model.isEmpty, !methods.contains(.neural) { throw ValidationError("--model belongs to the neural method; add it to --methods") }
    }

    func run() throws {
        var plan = MethodComparison.Plan(corpus: corpus)
        plan.methods = methods
        plan.settings.languages = language == "auto" ? nil : [language]
        plan.settings.languageModels = lm
        plan.settings.rotations = rotations
        (plan.models, plan.textLanguage, plan.lengths, plan.trials) = (model, textLanguage, lengths, trials)
        (plan.seed, plan.starts, plan.noise, plan.windows) = (seed, starts, noise, windows)
        let comparison = try MethodComparison(measuring: plan)
        if let report { try AtomicFile.write(Array(comparison.page.html.utf8), to: report) }
        let output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(comparison) + "\n" : comparison.text)
        try output.finish()
    }
}

extension KeyRecoveryEvaluation.SpanStart: ExpressibleByArgument {}
