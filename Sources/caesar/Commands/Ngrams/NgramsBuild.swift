import ArgumentParser
import CaesarIO
import CaesarLanguage
import CaesarTraining
import Foundation

extension Caesar.Ngrams {
    /// `caesar ngrams build --language L --output FILE CORPUS...`: a smoothed n-gram language model.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a character n-gram language model (interpolated Kneser–Ney) from text files.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar ngrams build <corpus> ... --language <code> [<options>]",
            discussion: """
                The text goes through the pipeline (letters folded to a–z, '.', word gaps as [sep], \
                sentences as [start] … [end]), and the model learns P(next token | the order − 1 before it). \
                The last --validation-split of each file's sentences is held out: the model is measured \
                on it in bits per character, and the temperature that calibrates cracking with it is \
                fitted on messages cut from it. Crack with it: 'caesar crack --lm FILE'.

                Examples:
                  caesar ngrams build --language fr --output fr.safetensors madame-bovary.txt germinal.txt
                  caesar ngrams build --language en --order 5 --min-count 1,1,2,2,3 --output small.safetensors Corpora/
                """
        )

        @Argument(help: ArgumentHelp("Text files or folders of .txt files (UTF-8).", valueName: "corpus"))
        var corpora: [String]

        @Option(help: ArgumentHelp("The language's code, recorded in the model (en, fr, de, es, it, …).", valueName: "code"))
        var language: String

        @Option(help: "Longest n-grams: the model predicts each token from the order − 1 before it.")
        var order = NgramModelBuilder(language: "").order

        @Option(help: ArgumentHelp("Smallest count an n-gram needs to be kept, per order from 1, comma-separated; the last value holds for higher orders.", valueName: "counts"))
        var minCount = NgramModelBuilder(language: "").minimumCounts.map(String.init).joined(separator: ",")

        @Option(help: "Share of each file's sentences held out to measure and calibrate the model.")
        var validationSplit = NgramModelBuilder(language: "").validationFraction

        @Option(help: ArgumentHelp("A line of free text for the model's metadata, e.g. what was held out.", valueName: "text"))
        var note: String?

        @Flag(help: "Replace invalid UTF-8 bytes with U+FFFD instead of stopping at the first one.")
        var lossy = false

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the model.", valueName: "file"))
        var output: String

        @Flag(help: "Print what was built as JSON.")
        var json = false

        func validate() throws {
            if corpora.isEmpty { throw ValidationError("give at least one text file to learn from") }
            if !(2...10).contains(order) { throw ValidationError("--order must be 2…10, got \(order)") }
            if minimumCounts == nil { throw ValidationError("--min-count takes whole numbers ≥ 1 separated by commas, got '\(minCount)'") }
            if !(0..<0.5).contains(validationSplit) { throw ValidationError("--validation-split must be at least 0 and below 0.5, got \(validationSplit)") }
            if language.isEmpty || language.count > 16 || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                throw ValidationError("--language takes a code such as en or fr, got '\(language)'")
            }
        }

        var minimumCounts: [Int]? {
            let values = minCount.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
            return values.map { $0! }
        }

        func run() throws {
            var builder = NgramModelBuilder(language: language)
            builder.order = order
            builder.minimumCounts = minimumCounts!
            builder.validationFraction = validationSplit
            builder.note = note
            builder.lossy = lossy
            builder.command = ShellWords.caesar(Array(CommandLine.arguments.dropFirst()))
            let (model, report) = try builder.build(from: corpora)
            try model.save(to: output)
            if json { return try JSONReport.print(report) }
            var lines = [
                "wrote \(output): \(model.summary) of \(language), \(grouped(report.ngrams)) n-grams in \(grouped(report.contexts)) contexts",
                "  trained on \(grouped(report.trainingTokens)) tokens of \(report.files.count) file\(report.files.count == 1 ? "" : "s") in \(String(format: "%.1f", report.seconds)) s",
            ]
            if let bits = report.validationBitsPerCharacter, let temperature = report.temperature {
                lines.append("  held out   the last \(String(format: "%g", validationSplit * 100))% of each file's sentences: \(String(format: "%.3f", bits)) bits per character")
                lines.append("  calibrated temperature \(String(format: "%.3f", temperature)) (fitted on messages of 4–20 letters cut from them)")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
