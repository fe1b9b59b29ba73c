import ArgumentParser
import CaesarCipher
import CaesarDecryption

/// How `crack` and keyless `decrypt` find the key: the method and what it needs.
struct MethodOptions: ParsableArguments {
    @Option(name: [.customShort("m"), .long], help: ArgumentHelp(
        "How to find the key: lm (n-gram language models, Bayes' rule), char-rnn (the recurrent language model, English), neural (the decrypter network), or the letter scorers quadgram, bigram, unigram, chi2.",
        valueName: "method"))
    var method: CrackingMethod?

    @Option(help: ArgumentHelp("For lm: the plaintext's language, or auto to weigh them all (\(ShippedModels.languages.joined(separator: ", "))).", valueName: "code"))
    var language = "auto"

    @Option(help: ArgumentHelp("For lm: a language model built with 'caesar ngrams build', instead of the shipped ones (repeatable: several languages).", valueName: "path"))
    var lm: [String] = []

    @Option(help: ArgumentHelp("For neural: the decrypter (default: the shipped Models/default.safetensors); for char-rnn: the language model.", valueName: "path"))
    var model: String?

    @Flag(inversion: .prefixedNo, help: "For neural: score the keys on all 26 rotations and average the network's evidence (the default for any-key models).")
    var rotations = true

    @Option(help: ArgumentHelp("For the letter scorers: statistics made by 'caesar ngrams letters' instead of the built-in English ones.", valueName: "path"))
    var ngrams: String?

    // `.unconditional`: `--prefix -5` is a value to refuse by name, not a missing one.
    @Option(parsing: .unconditional, help: ArgumentHelp("Decide the key from the first N letters (the rest is only decrypted).", valueName: "n"))
    var prefix = 2000

    /// The method chosen, or implied by --model (neural) or --ngrams (quadgram); lm otherwise.
    var chosen: CrackingMethod { method ?? (model != nil ? .neural : ngrams != nil ? .quadgram : .lm) }

    func validate() throws {
        if prefix < 1 { throw ValidationError("--prefix must be at least 1 letter, got \(prefix)") }
        let method = chosen
        if language != "auto", !ShippedModels.languages.contains(language) {
            throw ValidationError("--language takes auto or one of \(ShippedModels.languages.joined(separator: ", ")), got '\(language)'; for another language build a model and pass it with --lm")
        }
        if method != .lm, language != "auto" || !lm.isEmpty { throw ValidationError("--language and --lm belong to --method lm") }
        if !lm.isEmpty, language != "auto" { throw ValidationError("give --lm files or --language, not both: a file names its language") }
        if method != .neural, method != .charRNN, model != nil { throw ValidationError("--model belongs to --method neural or char-rnn") }
        if ngrams == "" { throw ValidationError("--ngrams needs a file path") }
        if ngrams != nil, ![.quadgram, .bigram, .unigram, .chi2].contains(method) { throw ValidationError("--ngrams belongs to the letter scorers (--method quadgram …)") }
    }

    /// The ranker the options describe; `threads` for a network's own work.
    func ranker(threads: Int = 2) throws -> any KeyRanker {
        try chosen.ranker(settings(threads: threads))
    }

    /// What the chosen method needs, from the options.
    func settings(threads: Int = 2) throws -> CrackingMethod.Settings {
        var settings = CrackingMethod.Settings()
        settings.languages = language == "auto" ? nil : [language]
        settings.languageModels = lm
        settings.model = model
        settings.rotations = rotations
        settings.threads = threads
        settings.statistics = try ngrams.map(NgramStatistics.load(path:))
        return settings
    }
}

extension CrackingMethod: ExpressibleByArgument {}
