import CaesarInspection
import ArgumentParser
import CaesarIO

/// `caesar report --model M`: one self-contained HTML page on what a trained model does.
struct Report: ParsableCommand, MatrixHeavyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page on what a trained model does.",
        // The generated synopsis lists every option on one line wider than a terminal; OPTIONS lists them.
        usage: "caesar report [<options>]",
        discussion: """
            The page shows: the model card (architecture, parameters, the file's tensor names and \
            shapes, key schedule, how it was trained); the learning curves from MODEL.csv beside \
            the model; a text encrypted with the model's key, through every stage of the \
            pipeline, its one-hot matrix, the network's predicted distribution at every step, \
            its hidden states over time, and the decryption; and the confusion matrix of its \
            predictions on windows of --corpus, keyed as the model was trained.

            The page is one file: its pictures are inline SVG, and it loads no fonts, images \
            or other files, so it opens from disk anywhere (its one small script only records, \
            for a test, that it rendered). It is replaced atomically.

            Examples:
              caesar report --model model.safetensors --output report.html
              caesar report --model m.safetensors --text "Meet me at noon." --key 7
            """)

    @OptionGroup var file: ModelOptions

    @Option(help: ArgumentHelp("The plaintext to walk through, at most \(ModelReport.maximumTokens) tokens (default: a sentence about a lighthouse keeper).", valueName: "text"))
    var text: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The key that encrypts --text (default: the model's key, or \(ModelReport.demonstrationKey) for a model trained on every key).", valueName: "n"))
    var key: Int?

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("Windows of --corpus for the confusion matrix, 1–1024 (default 256).", valueName: "n"),
            transform: { try NumberArguments.integer($0, in: 1...1024, name: "--windows") })
    var windows = 256

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write (default report.html).", valueName: "path"))
    var outputPath: String?

    /// `--out`, this option's older name: accepted, not shown in help.
    @Option(name: .customLong("out"), help: .hidden)
    var outAlias: String?

    /// The file to write.
    var out: String { outputPath ?? outAlias ?? "report.html" }

    @Flag(help: "Print a summary of the page as JSON.")
    var json = false

    func validate() throws {
        guard let model = file.model else { throw ValidationError("give the model to report on with --model FILE") }
        if outputPath != nil, outAlias != nil { throw ValidationError("give --output once (--out is its older name)") }
        if out.isEmpty { throw ValidationError("--output needs a file path") }
        if out == model { throw ValidationError("--output names the model file itself; give the page another name") }
        if text == "" { throw ValidationError("--text needs some text") }
    }

    func run() throws {
        let page = try TextOutput(.file(path: out))  // an unwritable --output fails before any work
        let command = ShellWords.caesar(Array(CommandLine.arguments.dropFirst()))
        let text = ModelReport.Corpus(tokens: try corpus.tokens(), name: corpus.name, fileName: corpus.path.split(separator: "/").last.map(String.init))
        let report = try ModelReport(path: file.model!, model: file.load()!, plaintext: self.text, key: key, corpus: text, windows: windows, command: command)
        let html = report.html
        try page.write(html)
        try page.finish()
        let summary = ReportSummary(report, out: out, bytes: html.utf8.count), output = try TextOutput(.standardOutput)
        try output.write(json ? try JSONReport.encode(summary) + "\n" : summary.lines)
        try output.finish()
    }
}
