import ArgumentParser
import CaesarIO
import CaesarSetups

/// `caesar lesson setups`: many-to-one, many-to-many (uni and bi) and encoder-decoder side by side.
struct LessonSetups: ParsableCommand, MatrixHeavyCommand {
    static let configuration = CommandConfiguration(
        commandName: "setups",
        abstract: "The recurrent setups side by side: a key classifier, two many-to-many decrypters and an encoder-decoder.",
        // Generated, the synopsis would list all eight options on one line of 176 characters;
        // OPTIONS lists them anyway, so the usage says <options>, as the other lessons' do.
        usage: "caesar lesson setups <options>",
        discussion: """
            Trains four small LSTMs on the same batches for the same number of steps (minutes \
            on two cores in a release build), or loads them from --models, then gives all four the same \
            ciphertexts from the held-out tail of the corpus: what each outputs, its characters \
            right by position and by message length, its keys right beside the quadgram scorer, \
            and its parameter count. The first characters show what a unidirectional network \
            cannot know yet. Everything follows from --seed. Progress (model N of 4, its step, the \
            time left) and each model's result as it is ready go to standard error.

            Examples:
              caesar lesson setups
              caesar lesson setups --steps 2000 --models setups/
            """)

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Text to train on and measure with; its last 10% is held out (default: the project's English story).", valueName: "path"))
    var corpus: [String] = []

    @Option(help: ArgumentHelp("A folder for the four models: those there are loaded, the others trained and saved there.", valueName: "folder"))
    var models: String?

    @Option(help: "Training steps per model.")
    var steps = 5000

    @Option(help: "Hidden units per direction.")
    var hidden = 64

    @Option(help: "The longest message, in characters; the models train on 4 up to this many.")
    var length = 16

    @Option(help: "Messages per length measured.")
    var messages = 200

    @Option(help: "Seed of the weights, the training windows and the messages.")
    var seed: UInt64 = 0

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        if !(1...1_000_000).contains(steps) { throw ValidationError("--steps must be between 1 and 1000000, got \(steps)") }
        if !(1...1024).contains(hidden) { throw ValidationError("--hidden must be between 1 and 1024, got \(hidden)") }
        if !(4...256).contains(length) { throw ValidationError("--length must be between 4 and 256 characters, got \(length)") }
        if !(1...100_000).contains(messages) { throw ValidationError("--messages must be between 1 and 100000, got \(messages)") }
        if models == "" { throw ValidationError("--models needs a folder") }
    }

    func run() throws {
        let lesson = try SetupsLesson(configuration) { StandardError.print($0) }
        let out = try TextOutput(.standardOutput)
        try out.write(json ? try JSONReport.encode(lesson) + "\n" : lesson.text())
        try out.finish()
    }

    private var configuration: SetupsLesson.Configuration {
        var c = SetupsLesson.Configuration(corpus: corpus.isEmpty ? [SourceCheckout.path("Corpora/en-the-lighthouse-letters.txt")] : corpus)
        c.models = models
        c.seed = seed
        c.steps = steps
        c.hidden = hidden
        c.messages = messages
        c.messageLength = length
        c.lengths = Set([2, 4, 8, length]).sorted()
        return c
    }
}
