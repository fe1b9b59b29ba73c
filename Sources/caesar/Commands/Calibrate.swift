import ArgumentParser
import CaesarDecryption
import CaesarIO
import Foundation

extension Caesar {
    /// `caesar calibrate --method M FILE-OPTION --corpus TEXT...`: an honest confidence for a method.
    struct Calibrate: ParsableCommand, MatrixHeavyCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the temperature that makes a method's confidence a probability, and record it in its file.",
            // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
            usage: "caesar calibrate -m <method> --model|--lm|--ngrams <path> --corpus <file>",
            discussion: """
                A method's posterior over the 26 keys is only as honest as its evidence: letter \
                statistics ignore how letters hang together, a network is trained to be sure. One \
                temperature T, fitted on messages cut from held-out text (spans that begin at a word, \
                exactly n letters, keys 1–25), divides the log-likelihoods before Bayes' rule, \
                P(k | c) ∝ P(k)·exp(ℓₖ / T): the answer stays the same, its confidence comes to mean \
                what it says. The table shows the expected calibration error (ECE) per length with the \
                file's temperature before and with the fitted one. The file is then written again with \
                T recorded (replaced atomically; --output writes a copy instead; --dry-run writes \
                nothing): a network's or language model's metadata, or the statistics' 'calibration' \
                line. Use text the file was not made from, and measure afterwards with 'caesar eval' \
                on other text still.

                Examples:
                  caesar calibrate --method neural --model my.safetensors --corpus held-out.txt
                  caesar calibrate -m quadgram --ngrams fr.ngrams -o fr2.ngrams --corpus germinal.txt
                  caesar calibrate -m lm --lm nl.safetensors --dry-run --lengths 5,10 --corpus brief.txt
                """)

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Held-out UTF-8 texts to cut the messages from.", valueName: "file"))
        var corpus: [String] = []

        @Option(name: [.customShort("m"), .long], help: ArgumentHelp("The method whose confidence to calibrate.", valueName: "method"))
        var method: CrackingMethod

        @Option(help: ArgumentHelp("For neural: the decrypter; for char-rnn: the recurrent language model.", valueName: "path"))
        var model: String?

        @Option(help: ArgumentHelp("For lm: the n-gram language model.", valueName: "path"))
        var lm: String?

        @Option(help: ArgumentHelp("For the letter scorers: the statistics ('caesar ngrams letters').", valueName: "path"))
        var ngrams: String?

        @Option(parsing: .upToNextOption, help: "Message lengths, in letters.")
        var lengths = MethodCalibration.Plan(method: .lm, file: "", corpus: []).lengths

        @Option(help: "Messages per length.")
        var trials = MethodCalibration.Plan(method: .lm, file: "", corpus: []).trialsPerLength

        @Option(help: "Seed of the spans and keys.")
        var seed: UInt64 = 0

        @Flag(help: "Fit and print, but write no file.")
        var dryRun = false

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the calibrated file here instead of replacing the one given.", valueName: "path"))
        var output: String?

        @Flag(help: "Print the fit as JSON.")
        var json = false

        func validate() throws {
            var isFolder: ObjCBool = false
            guard !corpus.isEmpty else { throw ValidationError("give held-out text to cut the messages from with --corpus FILE") }
            let given = [("--model", model), ("--lm", lm), ("--ngrams", ngrams)].filter { $0.1 != nil }.map(\.0)
            let wanted = Self.fileOption(method)
            guard given == [wanted] else {
                throw ValidationError("--method \(method.rawValue) calibrates the file given with \(wanted)\(given.isEmpty ? "" : ", not \(given.joined(separator: " or "))")")
            }
            guard (1...100_000).contains(trials) else { throw ValidationError("--trials must be between 1 and 100000, got \(trials)") }
            guard !lengths.isEmpty, lengths.allSatisfy({ (1...10_000).contains($0) }), Set(lengths).count == lengths.count else {
                throw ValidationError("--lengths takes distinct lengths between 1 and 10000 letters")
            }
            if dryRun, output != nil { throw ValidationError("--dry-run writes nothing; leave out --output") }
            if let output, FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
                throw ValidationError("--output '\(output)' is a folder; give a file path inside it")
            }
        }

        /// The option that names the file a method keeps its evidence in.
        static func fileOption(_ method: CrackingMethod) -> String {
            switch method {
            case .neural, .charRNN: return "--model"
            case .lm: return "--lm"
            case .quadgram, .bigram, .unigram, .chi2: return "--ngrams"
            }
        }

        func run() throws {
            var plan = MethodCalibration.Plan(method: method, file: model ?? lm ?? ngrams!, corpus: corpus)
            (plan.lengths, plan.trialsPerLength, plan.seed) = (lengths, trials, seed)
            plan.command = ShellWords.caesar(Array(CommandLine.arguments.dropFirst()))
            let fit = try MethodCalibration.fit(plan)
            let written = dryRun ? nil : output ?? plan.file
            if let written { try MethodCalibration.record(fit.temperature, plan: plan, to: written) }
            let sink = try TextOutput(.standardOutput)
            try sink.write(json ? try JSONReport.encode(fit) + "\n" : fit.text(writtenTo: written))
            try sink.finish()
        }
    }
}
