import CaesarRandom
import Foundation
import Testing

@testable import CaesarNeural

/// Our layers against PyTorch: the same models, weights and batches, compared on logits,
/// loss, every gradient, truncated BPTT and optimizer steps, for every setup (the key
/// classifier and the encoder–decoder too, with its greedy decoding). The expected values
/// come from Golden/make_golden.py (PyTorch, float64); see its header for how to regenerate them.
@Suite struct GoldenTests {
    struct ArchitectureSpec: Decodable {
        let cell: String, input_size: Int, hidden_size: Int, num_layers: Int, bidirectional: Bool, output_size: Int
        let setup: String?, pooling: String?
        var architecture: Architecture {
            Architecture(cell: CellKind(rawValue: cell)!, inputSize: input_size, hiddenSize: hidden_size,
                         layers: num_layers, bidirectional: bidirectional, outputSize: output_size,
                         setup: Setup(name: setup ?? "many-to-many", pooling: pooling.map { Pooling(rawValue: $0)! })!)
        }

        func parameterSet<S: NeuralScalar>(_ values: [String: [Double]]) -> ParameterSet<S> {
            var set = ParameterSet<S>(layout: ParameterLayout(architecture))
            for entry in set.layout.entries { set[entry.name] = values[entry.name]!.map { S($0) } }
            return set
        }
    }

    struct ModelCase: Decodable, CustomTestStringConvertible {
        let name: String, architecture: ArchitectureSpec
        let inputs: [[Int32]], targets: [[Int32]], ignore_index: Int32?, truncation: Int?
        let parameters: [String: [Double]], logits: [Double], loss: Double, gradients: [String: [Double]]
        var testDescription: String { name }

        var batch: SequenceBatch {
            SequenceBatch(steps: inputs.count, size: inputs[0].count, inputs: inputs.flatMap { $0 },
                          targets: targets.flatMap { $0 }, ignoredTarget: ignore_index)
        }
        func parameterSet<S: NeuralScalar>(_ values: [String: [Double]]) -> ParameterSet<S> { architecture.parameterSet(values) }
        var carry: [Double]? {
            var random = SeededGenerator(seed: 0)
            return truncation.map { Truncation.every($0).carryFactors(steps: inputs.count, random: &random) }
        }
    }

    struct Batch: Decodable { let inputs: [[Int32]], targets: [[Int32]] }

    struct OptimizerCase: Decodable, CustomTestStringConvertible {
        let name: String, optimizer: String, clip: Double, architecture: ArchitectureSpec
        let initial: [String: [Double]], batches: [Batch], norms_before_clipping: [Double], final: [String: [Double]]
        var testDescription: String { name }
    }

    /// A key classifier: inputs [T][B], one label per sequence, logits (B, O).
    struct ClassifierCase: Decodable, CustomTestStringConvertible {
        let name: String, architecture: ArchitectureSpec, inputs: [[Int32]], labels: [Int32]
        let parameters: [String: [Double]], logits: [Double], loss: Double, gradients: [String: [Double]]
        var testDescription: String { name }
        var batch: SequenceBatch {
            SequenceBatch(steps: inputs.count, size: inputs[0].count, inputs: inputs.flatMap { $0 }, labels: labels)
        }
    }

    /// An encoder–decoder: inputs and targets [T][B] (targets start with `start`), logits
    /// (T−1, B, O), and the greedy outputs.
    struct EncoderDecoderCase: Decodable, CustomTestStringConvertible {
        let name: String, architecture: ArchitectureSpec, inputs: [[Int32]], targets: [[Int32]], ignore_index: Int32?
        let start: Int32, end: Int32, max_length: Int
        let parameters: [String: [Double]], logits: [Double], loss: Double, gradients: [String: [Double]], greedy: [[Int32]]
        var testDescription: String { name }
        var batch: SequenceBatch {
            SequenceBatch(steps: inputs.count, size: inputs[0].count, inputs: inputs.flatMap { $0 },
                          targets: targets.flatMap { $0 }, ignoredTarget: ignore_index)
        }
    }

    struct Golden: Decodable {
        let models: [ModelCase], optimizers: [OptimizerCase], classifiers: [ClassifierCase], encoder_decoders: [EncoderDecoderCase]
    }

    static let golden: Golden = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/golden.json")
        return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }()

    /// How far Float results may be from PyTorch's float64 ones, relative to a tensor's scale.
    /// Two parts, both rounding: the golden parameters are not Float numbers, and rounding them
    /// alone moves values by up to 4.3e-6 (`birnn-2-layers`, through two layers and the
    /// decoder); Float arithmetic adds about as much again, partly in BLAS kernels whose
    /// summation order depends on the CPU (1.04e-5 in all on one AVX-512 machine). A wrong
    /// formula or a missed term is off by orders of magnitude more; Double holds 1e-12.
    static let floatTolerance = 1e-4

    /// |a − e| ≤ tolerance · max(|e|, scale), scale being the tensor's largest magnitude.
    static func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)")
        let scale = expected.map(abs).max() ?? 0
        var worst = 0.0
        for (a, e) in zip(actual, expected) { worst = max(worst, abs(a - e) / max(abs(e), scale, 1e-300)) }
        #expect(worst <= tolerance, "\(what): relative error \(worst)")
    }

    @Test(arguments: golden.models)
    func doublePrecisionMatchesPyTorch(_ c: ModelCase) {
        let model = ManyToManyModel<Double>(architecture: c.architecture.architecture, parameters: c.parameterSet(c.parameters), threads: 2)
        Self.expectClose(model.logits(c.batch).values, c.logits, tolerance: 1e-12, "\(c.name) logits")
        let loss = model.lossAndGradients(c.batch, carry: c.carry)
        Self.expectClose([loss], [c.loss], tolerance: 1e-12, "\(c.name) loss")
        for entry in model.gradients.layout.entries {
            Self.expectClose(model.gradients[entry.name], c.gradients[entry.name]!, tolerance: 1e-10, "\(c.name) ∂L/∂\(entry.name)")
        }
    }

    @Test(arguments: golden.models)
    func singlePrecisionMatchesPyTorch(_ c: ModelCase) {
        let model = ManyToManyModel<Float>(architecture: c.architecture.architecture, parameters: c.parameterSet(c.parameters), threads: 2)
        Self.expectClose(model.logits(c.batch).values.map(Double.init), c.logits, tolerance: Self.floatTolerance, "\(c.name) logits")
        let loss = model.lossAndGradients(c.batch, carry: c.carry)
        Self.expectClose([loss], [c.loss], tolerance: Self.floatTolerance, "\(c.name) loss")
        for entry in model.gradients.layout.entries {
            Self.expectClose(model.gradients[entry.name].map(Double.init), c.gradients[entry.name]!, tolerance: Self.floatTolerance, "\(c.name) ∂L/∂\(entry.name)")
        }
    }

    @Test(arguments: golden.optimizers)
    func optimizerStepsMatchPyTorch(_ c: OptimizerCase) {
        let architecture = c.architecture.architecture
        var parameters = ParameterSet<Double>(layout: ParameterLayout(architecture))
        for entry in parameters.layout.entries { parameters[entry.name] = c.initial[entry.name]! }
        let model = ManyToManyModel(architecture: architecture, parameters: parameters, threads: 1)
        var adam = Adam<Double>(layout: parameters.layout, learningRate: 3e-3)
        var sgd = SGD<Double>(layout: parameters.layout, learningRate: 0.1, momentum: 0.9)
        for (b, expectedNorm) in zip(c.batches, c.norms_before_clipping) {
            model.gradients.zero()
            model.lossAndGradients(SequenceBatch(steps: b.inputs.count, size: b.inputs[0].count,
                                                 inputs: b.inputs.flatMap { $0 }, targets: b.targets.flatMap { $0 }))
            let norm = GradientClipping.clip(&model.gradients, maxNorm: c.clip)
            Self.expectClose([norm], [expectedNorm], tolerance: 1e-12, "\(c.name) gradient norm")
            if c.optimizer == "adam" {
                adam.step(&model.parameters, gradients: model.gradients)
            } else {
                sgd.step(&model.parameters, gradients: model.gradients)
            }
        }
        for entry in model.parameters.layout.entries {
            Self.expectClose(model.parameters[entry.name], c.final[entry.name]!, tolerance: 1e-12, "\(c.name) \(entry.name)")
        }
    }

    /// Logits, loss and every gradient of a model of any setup against PyTorch's: logits and
    /// loss within `tolerance`, gradients within `gradientTolerance`.
    static func expectMatch<S: NeuralScalar>(
        _ model: any TrainableModel<S>, logits: [S], batch: SequenceBatch, expected c: (logits: [Double], loss: Double, gradients: [String: [Double]]),
        tolerance: Double, gradientTolerance: Double, _ name: String
    ) {
        expectClose(logits.map(Double.init), c.logits, tolerance: tolerance, "\(name) logits")
        expectClose([model.lossAndGradients(batch, carry: nil)], [c.loss], tolerance: tolerance, "\(name) loss")
        for entry in model.gradients.layout.entries {
            expectClose(model.gradients[entry.name].map(Double.init), c.gradients[entry.name]!, tolerance: gradientTolerance, "\(name) ∂L/∂\(entry.name)")
        }
    }

    @Test(arguments: golden.classifiers)
    func keyClassifierMatchesPyTorch(_ c: ClassifierCase) {
        let a = c.architecture.architecture, name = "classifier " + c.name
        let double = KeyClassifier<Double>(architecture: a, parameters: c.architecture.parameterSet(c.parameters), threads: 2)
        Self.expectMatch(double, logits: double.logits(c.batch).values, batch: c.batch, expected: (c.logits, c.loss, c.gradients),
                         tolerance: 1e-12, gradientTolerance: 1e-10, name)
        let float = KeyClassifier<Float>(architecture: a, parameters: c.architecture.parameterSet(c.parameters), threads: 2)
        Self.expectMatch(float, logits: float.logits(c.batch).values, batch: c.batch, expected: (c.logits, c.loss, c.gradients),
                         tolerance: Self.floatTolerance, gradientTolerance: Self.floatTolerance, name)
    }

    @Test(arguments: golden.encoder_decoders)
    func encoderDecoderMatchesPyTorch(_ c: EncoderDecoderCase) {
        let a = c.architecture.architecture, name = "encoder-decoder " + c.name
        let double = EncoderDecoder<Double>(architecture: a, parameters: c.architecture.parameterSet(c.parameters), threads: 2)
        Self.expectMatch(double, logits: double.logits(c.batch).values, batch: c.batch, expected: (c.logits, c.loss, c.gradients),
                         tolerance: 1e-12, gradientTolerance: 1e-10, name)
        #expect(double.greedyDecode(c.batch, start: c.start, end: c.end, maximumLength: c.max_length) == c.greedy, "\(name) greedy")
        let float = EncoderDecoder<Float>(architecture: a, parameters: c.architecture.parameterSet(c.parameters), threads: 2)
        Self.expectMatch(float, logits: float.logits(c.batch).values, batch: c.batch, expected: (c.logits, c.loss, c.gradients),
                         tolerance: Self.floatTolerance, gradientTolerance: Self.floatTolerance, name)
        #expect(float.greedyDecode(c.batch, start: c.start, end: c.end, maximumLength: c.max_length) == c.greedy, "\(name) greedy")
    }
}
