import ArgumentParser

/// How many significant digits the lessons print (and `--check` compares to).
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Print numbers rounded to this many significant digits, 1–17 (default: 4).", valueName: "n"),
            transform: { try NumberArguments.integer($0, in: 1...17, name: "--digits") })
    var digits = 4
}
