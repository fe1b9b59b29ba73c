import CaesarLessons
import CaesarNeural
import CaesarRandom
import CaesarTraining
import Foundation

/// The network `caesar gradcheck` checks: new from a seed, or the weights of a model file, in Double.
struct GradientCheckSubject {
    let model: any TrainableModel<Double>
    /// "a new lstm 4 (31 → 31), weights from seed 0" or "model 'm.safetensors', lstm 64 …".
    let description: String

    init(architecture: Architecture, seed: UInt64) {
        model = makeTrainableModel(architecture: architecture, seed: seed, threads: 1, as: Double.self)
        description = "a new \(architecture), weights drawn as PyTorch does from seed \(seed)"
    }

    init(file: TrainedModel) {
        model = file.network(Double.self)
        description = "the weights of '\(file.path ?? "")', \(file.architecture)"
    }

    func check(steps: Int, batch: Int, seed: UInt64, elements: Int?, floor: Double, tolerance: Double) -> GradientCheckReport {
        let a = model.architecture
        var random = SeededGenerator(seed: seed)
        let data = SequenceBatch.random(steps: steps, size: batch, inputs: a.inputSize, outputs: a.outputSize, random: &random)
        let result = GradientCheck.run(model: model, batch: data, floor: floor, limit: elements)
        return GradientCheckReport(subject: description, parameters: model.parameters.layout.totalCount,
                                   steps: steps, batch: batch, seed: seed, result: result, tolerance: tolerance)
    }
}

/// What `caesar gradcheck` prints: one row per tensor, the error measure, the verdict.
struct GradientCheckReport: Encodable {
    struct Row: Encodable {
        let name: String
        let shape: [Int]
        let elements: Int
        let checked: Int
        let maxRelativeError: Double
        let maxAbsoluteError: Double
        /// BPTT's and the numerical gradient where the relative error is largest.
        let worstAnalytic: Double
        let worstNumerical: Double
        let passed: Bool
    }

    let subject: String
    let parameters: Int
    let steps: Int
    let batch: Int
    let seed: UInt64
    let epsilon: Double
    let floor: Double
    let tolerance: Double
    let measure: String
    let tensors: [Row]
    let passed: Bool

    init(subject: String, parameters: Int, steps: Int, batch: Int, seed: UInt64, result: GradientCheck.Report, tolerance: Double) {
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

    var text: String {
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
    static func short(_ x: Double) -> String { NumberFormat.significant(x, digits: 2) }
}
