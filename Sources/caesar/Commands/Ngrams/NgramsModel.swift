import ArgumentParser
import CaesarIO
import CaesarLanguage
import Foundation

extension Caesar.Ngrams {
    /// `caesar ngrams model --output FILE CORPUS...`: a smoothed n-gram language model.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a character n-gram language model (interpolated Kneser–Ney) from text files.",
            discussion: """
                The text goes through the pipeline (letters folded to a–z, '.', word gaps as [sep], \
                sentences as [start] … [end]), and the model learns P(next token | the last order − 1). \
                The last --validation-split of each file's sentences is held out and measured in bits \
                per character. Use the file with 'caesar crack --lm FILE'.

                Examples:
                  caesar ngrams model --language fr --output fr.lm madame-bovary.txt germinal.txt
                  caesar ngrams model --order 5 --min-count 1,1,2,2,3 --output small.lm Corpora/
                """
        )

        @Argument(help: ArgumentHelp("Text files or folders of .txt files (UTF-8).", valueName: "corpus"))
        var corpora: [String]

        @Option(help: "Longest n-grams: the model predicts each token from the order − 1 before it.")
        var order = 6

        @Option(help: ArgumentHelp("Smallest count an n-gram needs to be kept, per order from 1, comma-separated; the last value holds for higher orders.", valueName: "counts"))
        var minCount = "1"

        @Option(help: ArgumentHelp("The language's code, recorded in the file (en, fr, de, es, it, …).", valueName: "code"))
        var language: String

        @Option(help: "Share of each file's sentences held out and measured.")
        var validationSplit = 0.05

        @Option(help: ArgumentHelp("A line of free text for the file's metadata, e.g. what was held out.", valueName: "text"))
        var note: String?

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the model.", valueName: "file"))
        var output: String

        func validate() throws {
            if corpora.isEmpty { throw ValidationError("give at least one text file to learn from") }
            if !(2...10).contains(order) { throw ValidationError("--order must be 2…10, got \(order)") }
            if minimumCounts == nil { throw ValidationError("--min-count takes whole numbers ≥ 1 separated by commas, got '\(minCount)'") }
            if !(0..<1).contains(validationSplit) { throw ValidationError("--validation-split must be in [0, 1), got \(validationSplit)") }
            if language.isEmpty || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                throw ValidationError("--language takes a code such as en or fr, got '\(language)'")
            }
        }

        var minimumCounts: [Int]? {
            let values = minCount.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
            return values.map { $0! }
        }

        func run() throws {
            let clock = ContinuousClock(), started = clock.now
            let corpus = try LanguageCorpus(paths: corpora, validationFraction: validationSplit)
            var metadata = ["language": language, "corpus": corpus.files.joined(separator: ", "),
                            "command": (["caesar"] + CommandLine.arguments.dropFirst()).joined(separator: " ")]
            metadata["note"] = note
            let model = try NgramLanguageModel.estimate(
                sentences: corpus.training, order: order, minimumCounts: minimumCounts!, metadata: metadata)
            try model.save(to: output)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            var lines = [
                "wrote \(output): \(model.summary), \(model.language), \(model.ngramCount) n-grams in \(model.contextCount) contexts, \(bytes) bytes",
                "  trained on \(corpus.trainingTokens) tokens of \(corpus.files.count) file\(corpus.files.count == 1 ? "" : "s") in \(String(format: "%.1f", (clock.now - started) / .seconds(1))) s",
            ]
            if !corpus.validation.isEmpty {
                let bpc = model.bitsPerCharacter(NgramLanguageModel.sequences(corpus.validation))
                lines.append("  held out: the last \(Int(validationSplit * 100))% of each file's sentences, \(String(format: "%.3f", bpc)) bits per character")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
