import ArgumentParser
import CaesarDecryption
import CaesarLanguage
import CaesarNeural
import CaesarRandom
import CaesarText
import Foundation

extension Caesar {
    /// `caesar sample`: text written by a language model.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a language model write: each next character drawn from its distribution.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar sample [<options>]",
            discussion: """
                Reads a language model, a network trained with 'caesar train --setup language-model' \
                (default: the shipped Models/char-rnn-en.safetensors) or an n-gram model from 'caesar \
                ngrams build' (default with --ngram: the shipped English one), and writes --length tokens \
                after the --prime text. --temperature below 1 makes it take its likeliest guesses, above 1 \
                wilder ones. The same --seed writes the same text.

                Examples:
                  caesar sample --seed 1
                  caesar sample --temperature 0.5 --prime "the ship"
                  caesar sample --ngram --length 200
                  caesar sample --model my-lm.safetensors
                """
        )

        @Option(help: ArgumentHelp("The language model: a network or an n-gram model file.", valueName: "path"))
        var model: String?

        @Flag(help: "Use the shipped English n-gram model instead of the network.")
        var ngram = false

        @Option(help: "Tokens to write.")
        var length = 300

        @Option(help: "Below 1 sharper, above 1 flatter than the model's own distribution.")
        var temperature = 1.0

        @Option(help: ArgumentHelp("Text the sample continues (through the pipeline: lowercase, a–z and '.').", valueName: "text"))
        var prime = ""

        @Option(help: "Seed of the draws.")
        var seed: UInt64 = 0

        func validate() throws {
            if !(1...100_000).contains(length) { throw ValidationError("--length must be between 1 and 100000, got \(length)") }
            if !(temperature > 0 && temperature <= 100) { throw ValidationError("--temperature must be above 0 and at most 100, got \(temperature)") }
            if model != nil, ngram { throw ValidationError("give --model or --ngram, not both") }
        }

        func run() throws {
            let languageModel: any CharacterLanguageModel
            if let model, let file = try? SafeTensors(bytes: Array(FileManager.default.contents(atPath: model) ?? Data())),
               file.metadata["format"] == NgramLanguageModel.format {
                languageModel = try NgramLanguageModel(file)
            } else if ngram {
                languageModel = try NgramLanguageModel.load(from: ShippedModels.languageModel("en"))
            } else {
                languageModel = try NeuralLanguageModel(path: model ?? ShippedModels.neuralLanguageModel)
            }
            let pipeline = try TextPipeline(options: .init(sentences: .none))
            let primed = [UInt8(Token.start.index)] + (try pipeline.encode(prime)).indices.dropFirst().dropLast()
            var random = SeededGenerator(seed: seed)
            let tokens = TextSampler(temperature: temperature).sample(languageModel, prime: primed, count: length, random: &random)
            print(TextDecoder.decode(indices: tokens))
        }
    }
}
