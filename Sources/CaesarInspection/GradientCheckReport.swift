import CaesarLessons
import CaesarNeural
import CaesarRandom
import CaesarTraining

/// The network `caesar gradcheck` checks: new from a seed, or the weights of a model file, in Double.
public struct GradientCheckSubject {
    public let model: any TrainableModel<Double>
    /// "a new lstm 4 (31 → 31), weights from seed 0" or "model 'm.safetensors', lstm 64 …".
    public let description: String

    public init(architecture: Architecture, seed: UInt64) {
        model = makeTrainableModel(architecture: architecture, seed: seed, threads: 1, as: Double.self)
        description = "a new \(architecture), weights drawn as PyTorch does from seed \(seed)"
    }

    public init(file: TrainedModel) {
        model = file.network(Double.self)
        description = "the weights of '\(file.path ?? "")', \(file.architecture)"
    }

    /// Checks every tensor on a random batch of `batch` sequences of `steps` tokens (`seed`);
    /// `elements` per tensor, spread evenly (nil: all).
    public func check(steps: Int, batch: Int, seed: UInt64, elements: Int?, floor: Double, tolerance: Double) -> GradientCheckReport {
        let a = model.architecture
        var random = SeededGenerator(seed: seed)
        let data = SequenceBatch.random(steps: steps, size: batch, inputs: a.inputSize, outputs: a.outputSize, random: &random)
        let result = GradientCheck.run(model: model, batch: data, floor: floor, limit: elements)
        return GradientCheckReport(subject: description, parameters: model.parameters.layout.totalCount,
                                   steps: steps, batch: batch, seed: seed, result: result, tolerance: tolerance)
    }
}

/// What `caesar gradcheck` prints: one row per tensor, the error measure, the verdict.
public struct GradientCheckReport: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public let name: String
        public let shape: [Int]
        public let elements: Int
        public let checked: Int
        public let maxRelativeError: Double
        public let maxAbsoluteError: Double
        /// BPTT's and the numerical gradient where the relative error is largest.
        public let worstAnalytic: Double
        public let worstNumerical: Double
        public let passed: Bool
    }

    public let subject: String
    public let parameters: Int
    public let steps: Int
    public let batch: Int
    public let seed: UInt64
    public let epsilon: Double
    public let floor: Double
    public let tolerance: Double
    public let measure: String
    public let tensors: [Row]
    public let passed: Bool

    public init(subject: String, parameters: Int, steps: Int, batch: Int, seed: UInt64, result: GradientCheck.Report, tolerance: Double) {
        self.subject = subject
        self.parameters = parameters
        self.steps = steps
        self.batch = batch
        self.seed = seed
        epsilon = result.epsilon
        floor = result.floor
        self.tolerance = tolerance
        measure = "|a − n| / max(|a|, |n|, \(GradientCheckReport.short(result.floor)))"
        tensors = result.tensors.map { t in
            Row(name: t.name, shape: t.shape, elements: t.shape.reduce(1, *), checked: t.checked, maxRelativeError: t.maxRelativeError,
                maxAbsoluteError: t.maxAbsoluteError, worstAnalytic: t.worstAnalytic, worstNumerical: t.worstNumerical,
                passed: t.maxRelativeError < tolerance)
        }
        passed = tensors.allSatisfy(\.passed)
    }

    /// The report as `caesar gradcheck` prints it, within 80 columns.
    public var text: String {
        // A label, then its value wrapped under itself: formulas and long paths stay within 80 columns.
        let label = { (name: String, value: String) in
            TextWrap.wrap(value, indent: "  " + name.padding(toLength: 11, withPad: " ", startingAt: 0),
                          continuation: String(repeating: " ", count: 13))
        }
        var text = "Gradient check of \(grouped(parameters)) parameters, in Double\n"
        text += label("network", subject)
        text += label("batch", "B = \(batch) random sequences of T = \(steps) tokens with random targets (seed \(seed))")
        text += label("loss", "L = mean cross-entropy")
        text += label("numerical", "n = central differences (L(θ + ε) − L(θ − ε)) / 2ε")
        text += label("", "at ε = \(Self.short(epsilon)) and ε/2, Richardson-extrapolated")
        text += label("error", "\(measure), with a = BPTT's gradient")
        text += label("passes", "a tensor whose largest error is below \(Self.short(tolerance))") + "\n"
        // Short headers keep the table narrow; the legend below says what they mean.
        var table = TextTable(header: ["tensor", "shape", "checked", "relative", "absolute", "result"])
        for t in tensors {
            let checked = t.checked == t.elements ? "\(t.checked)" : "\(t.checked) of \(t.elements)"
            table.append([t.name, t.shape.map(String.init).joined(separator: "×"), checked, Self.short(t.maxRelativeError),
                          Self.short(t.maxAbsoluteError), t.passed ? "pass" : "FAIL"])
        }
        text += table.render()
        text += "  relative: a tensor's largest error as above; absolute: its largest |a − n|\n"
        let worst = tensors.max { $0.maxRelativeError < $1.maxRelativeError }
        let failed = tensors.filter { !$0.passed }.count
        if failed == 0 {
            text += "passed: every tensor agrees within \(Self.short(tolerance))\n"
            if let worst { text += "  largest error \(Self.short(worst.maxRelativeError)), in \(worst.name)\n" }
        } else {
            text += "FAILED: \(failed) of \(tensors.count) tensors differ by \(Self.short(tolerance)) or more\n"
            if let worst {
                text += TextWrap.wrap("largest error \(Self.short(worst.maxRelativeError)), in \(worst.name): "
                                      + "BPTT \(worst.worstAnalytic), numerical \(worst.worstNumerical)", indent: "  ", continuation: "  ")
            }
        }
        return text
    }

    /// An error or a step as two significant digits: `3.1e-10`, `0.001`, `0`.
    public static func short(_ x: Double) -> String { NumberFormat.significant(x, digits: 2) }
}
