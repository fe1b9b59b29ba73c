import ArgumentParser
import CaesarInspection
import CaesarNeural
import CaesarRandom
import CaesarText

/// `caesar gradcheck`: BPTT's gradient against finite differences, tensor by tensor.
struct GradCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Check backpropagation through time against finite differences, tensor by tensor, in Double.",
        discussion: """
            Builds a small network of any shape caesar trains (--arch, --hidden, --layers, \
            --bidirectional), or reads the weights of --model FILE, and a random batch of \
            --batch sequences of --steps tokens with random targets (--seed). For each parameter \
            tensor it compares the gradient BPTT computes (a) with the numerical one (n): \
            central differences (L(θ + ε) − L(θ − ε)) / 2ε at ε = 0.001 and ε/2, combined by \
            Richardson extrapolation so that the ε² error cancels. The error of an element is \
            |a − n| / max(|a|, |n|, --floor); a tensor passes when its largest error is below \
            --tolerance. The exit status is 1 when any tensor fails.

            Examples:
              caesar gradcheck                   # an LSTM of 4 units, every element
              caesar gradcheck --arch rnn --layers 2 --bidirectional
              caesar gradcheck --model model.safetensors --elements 50
            """
    )

    @OptionGroup var shape: ArchitectureOptions<GradCheckDefaultArchitecture>
    @OptionGroup var file: ModelOptions

    @Option(help: ArgumentHelp("Steps T of each random sequence, 1–200 (default 5).", valueName: "T"),
            transform: { try NumberArguments.integer($0, in: 1...200, name: "--steps") })
    var steps = 5

    @Option(help: ArgumentHelp("Random sequences B in the batch, 1–64 (default 3).", valueName: "B"),
            transform: { try NumberArguments.integer($0, in: 1...64, name: "--batch") })
    var batch = 3

    @Option(help: ArgumentHelp("Seed of the batch, and of the weights of a new network.", valueName: "n"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Elements checked per tensor, spread evenly over it, or 'all' (default: all for a new network, 200 for --model).", valueName: "n|all"),
            transform: ElementCount.init(parsing:))
    var elements: ElementCount?

    @Option(parsing: .unconditional, help: ArgumentHelp("A tensor passes when its largest relative error is below this (default 1e-6).", valueName: "x"),
            transform: NumberArguments.finite)
    var tolerance = 1e-6

    @Option(parsing: .unconditional, help: ArgumentHelp("The smallest denominator of the relative error (default 1e-4). Rounding leaves about 1e-12 in every numerical derivative, so a gradient far below the floor is judged by its absolute error over the floor.", valueName: "x"),
            transform: NumberArguments.finite)
    var floor = 1e-4

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if file.model != nil, shape.isGiven {
            throw ValidationError("give --model or the shape options (--arch, --hidden, --layers, --bidirectional), not both")
        }
        guard tolerance > 0 else { throw ValidationError("--tolerance must be positive, got \(tolerance)") }
        guard floor > 0 else { throw ValidationError("--floor must be positive, got \(floor)") }
    }

    func run() throws {
        let subject = try file.load().map(GradientCheckSubject.init(file:))
            ?? GradientCheckSubject(architecture: shape.architecture(vocabulary: Token.count, keys: 26, bidirectionalByDefault: false), seed: seed)
        let limit = (elements ?? (file.model == nil ? .all : .count(200))).limit
        let report = subject.check(steps: steps, batch: batch, seed: seed, elements: limit, floor: floor, tolerance: tolerance)
        let out = try output.open()
        try output.json ? JSONReport.write(report, to: out) : out.write(report.text)
        try out.finish()
        if !report.passed { throw ExitCode(1) }
    }

    /// How many elements of each tensor to check.
    enum ElementCount {
        case all
        case count(Int)

        init(parsing text: String) throws {
            guard text != "all" else {
                self = .all
                return
            }
            guard let n = Int(text), n > 0 else { throw ValidationError("give a whole number of at least 1, or 'all'") }
            self = .count(n)
        }

        /// GradientCheck's `limit`: nil checks every element.
        var limit: Int? {
            switch self {
            case .all: return nil
            case .count(let n): return n
            }
        }
    }
}

/// What `caesar gradcheck` builds unless told otherwise: a one-layer LSTM of 4 units, small
/// enough to check every element in a moment.
enum GradCheckDefaultArchitecture: ArchitectureDefaults {
    static let cell = CellKind.lstm
    static let hidden = 4
    static let bidirectional = "off"
}
