import CaesarRandom

/// What training needs from a network, whatever its ``Setup``: its parameters and a gradient
/// set of the same layout, the loss of a batch, and one pass of forward, loss and
/// backpropagation that adds ∂L/∂θ into the gradients.
///
/// ``ManyToManyModel`` (many-to-many), ``KeyClassifier`` (many-to-one) and ``EncoderDecoder``
/// conform; ``makeTrainableModel(architecture:parameters:threads:)`` builds the one an
/// architecture names. Each is also used directly, for what only it can do (per-step
/// predictions, keys, greedy decoding).
///
/// Speed through the protocol: a call through `any TrainableModel<Float>` reaches the generic
/// entry point of the method, which would run every element loop through witness tables
/// (measured about 35 times slower). So conformers mark ``loss(_:)`` and
/// ``lossAndGradients(_:carry:)`` with a plain `@_specialize(where Scalar == Float)` beside
/// the exported ones: it makes the generic entry check the type and jump to the Float code.
public protocol TrainableModel<Scalar>: AnyObject {
    associatedtype Scalar: NeuralScalar
    var architecture: Architecture { get }
    var parameters: ParameterSet<Scalar> { get set }
    var gradients: ParameterSet<Scalar> { get set }
    /// Threads a batch is split between: its sequences are divided between workers, and a
    /// batch of one sequence shares each step's hidden units between two.
    var threads: Int { get set }
    init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int)
    /// The mean cross-entropy of a batch, without touching the gradients.
    func loss(_ batch: SequenceBatch) -> Double
    /// Forward, loss and backpropagation: returns the mean cross-entropy and adds its gradient
    /// into ``gradients`` (which the caller zeroes between optimizer steps). `carry` comes from
    /// ``Truncation/carryFactors(steps:random:)``; nil means full BPTT.
    @discardableResult
    func lossAndGradients(_ batch: SequenceBatch, carry: [Double]?) -> Double
}

extension TrainableModel {
    /// A new model initialized as PyTorch does (``Initialization/pytorchDefault(_:random:as:)``).
    public init(architecture: Architecture, seed: UInt64, threads: Int = 2) {
        var random = SeededGenerator(seed: seed)
        let parameters = Initialization.pytorchDefault(architecture, random: &random, as: Scalar.self)
        self.init(architecture: architecture, parameters: parameters, threads: threads)
    }
}

/// The model of `architecture`'s setup, holding `parameters`.
public func makeTrainableModel<Scalar: NeuralScalar>(
    architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int = 2
) -> any TrainableModel<Scalar> {
    switch architecture.setup {
    case .manyToMany, .languageModel: return ManyToManyModel(architecture: architecture, parameters: parameters, threads: threads)
    case .manyToOne: return KeyClassifier(architecture: architecture, parameters: parameters, threads: threads)
    case .encoderDecoder: return EncoderDecoder(architecture: architecture, parameters: parameters, threads: threads)
    }
}

/// The model of `architecture`'s setup, initialized as PyTorch does from `seed`.
public func makeTrainableModel<Scalar: NeuralScalar>(
    architecture: Architecture, seed: UInt64, threads: Int = 2, as _: Scalar.Type = Scalar.self
) -> any TrainableModel<Scalar> {
    var random = SeededGenerator(seed: seed)
    let parameters = Initialization.pytorchDefault(architecture, random: &random, as: Scalar.self)
    return makeTrainableModel(architecture: architecture, parameters: parameters, threads: threads)
}
