import CaesarNeural

/// What a person asks of a training run, each setting optional: unset means the default for
/// a new run, and on a resumed run whatever its checkpoint says. The one place the settings of
/// `caesar train` become a ``TrainingConfiguration`` (``configuration()``), are checked
/// (``problems``), change a resumed run (``apply(to:)``) or conflict with it
/// (``differences(from:)``).
public struct TrainingOptions: Sendable, Equatable {
    public var setup: Setup?
    public var cell: CellKind?
    public var hiddenSize: Int?
    public var layers: Int?
    public var bidirectional: Bool?
    public var key: KeySchedule?
    public var sequenceLength: Int?
    public var minimumSequenceLength: Int?
    public var batchSize: Int?
    public var optimizer: OptimizerChoice?
    public var learningRate: Double?
    public var momentum: Double?
    /// The largest global gradient norm; 0 turns clipping off.
    public var clip: Double?
    public var truncation: Truncation?
    public var steps: Int?
    /// Passes over the training text, instead of `steps`.
    public var epochs: Double?
    public var seed: UInt64?
    public var validationFraction: Double?
    public var validationInterval: Int?
    /// Stop once validation accuracy reaches this; `.some(nil)` ("none") trains every step.
    public var targetAccuracy: Double??
    public var threads: Int?

    public init() {}

    /// What a new run gets where nothing is asked: the defaults, once.
    public static let defaults = TrainingConfiguration(architecture: Architecture(cell: .lstm, inputSize: 31, hiddenSize: 128, outputSize: 31))

    /// The configuration of a new run.
    public func configuration() -> TrainingConfiguration {
        let d = Self.defaults
        let chosen = setup ?? .manyToMany
        let key = self.key ?? d.key
        let architecture = Architecture(
            cell: cell ?? d.architecture.cell, inputSize: 31, hiddenSize: hiddenSize ?? d.architecture.hiddenSize, layers: layers ?? 1,
            bidirectional: bidirectional ?? (key == .any && chosen != .languageModel),
            outputSize: chosen.pooling == nil ? 31 : 26, setup: chosen)
        var c = TrainingConfiguration(architecture: architecture)
        c.key = key
        c.sequenceLength = sequenceLength ?? d.sequenceLength
        c.minimumSequenceLength = minimumSequenceLength
        c.batchSize = batchSize ?? d.batchSize
        c.optimizer = optimizer ?? d.optimizer
        c.learningRate = learningRate ?? (c.optimizer == .adam ? d.learningRate : 0.1)
        c.momentum = momentum ?? (c.optimizer == .sgd ? 0.9 : 0)
        c.clip = clip.map { $0 == 0 ? nil : $0 } ?? d.clip
        c.truncation = truncation ?? d.truncation
        c.steps = steps ?? d.steps
        c.seed = seed ?? d.seed
        c.validationFraction = validationFraction ?? d.validationFraction
        c.validationInterval = validationInterval ?? d.validationInterval
        c.targetAccuracy = targetAccuracy ?? nil
        c.threads = threads ?? d.threads
        return c
    }

    /// A resumed run's configuration with what may change on resume: how long it trains
    /// (`steps`, `targetAccuracy`) and, to get past a divergence, `learningRate` and `clip`.
    public func apply(to c: inout TrainingConfiguration) {
        if let steps { c.steps = steps }
        if let targetAccuracy { c.targetAccuracy = targetAccuracy }
        if let learningRate { c.learningRate = learningRate }
        if let clip { c.clip = clip == 0 ? nil : clip }
    }

    /// The settings given that a resumed run cannot take, as `--flag value` of the checkpoint:
    /// they decide what the run has computed so far.
    public func differences(from c: TrainingConfiguration) -> [String] {
        let fresh = configuration()
        var found: [String] = []
        func check(_ given: Bool, _ same: Bool, _ flag: String) { if given, !same { found.append(flag) } }
        // The shape flag by flag, as they were given: "--hidden 8", not the whole network.
        let a = c.architecture, asked = fresh.architecture
        check(setup != nil, asked.setup == a.setup, "--setup \(a.setup.name)" + (a.setup.pooling.map { " --pooling \($0.rawValue)" } ?? ""))
        check(cell != nil, asked.cell == a.cell, "--arch \(a.cell.rawValue)")
        check(hiddenSize != nil, asked.hiddenSize == a.hiddenSize, "--hidden \(a.hiddenSize)")
        check(layers != nil, asked.layers == a.layers, "--layers \(a.layers)")
        check(bidirectional != nil, asked.bidirectional == a.bidirectional, a.bidirectional ? "--bidirectional" : "--no-bidirectional")
        check(key != nil, fresh.key == c.key, "--key \(c.key)")
        check(sequenceLength != nil, fresh.sequenceLength == c.sequenceLength, "--seq-len \(c.sequenceLength)")
        check(minimumSequenceLength != nil, fresh.minimumSequenceLength == c.minimumSequenceLength,
              "--min-seq-len \(c.minimumSequenceLength.map(String.init) ?? "unset")")
        check(batchSize != nil, fresh.batchSize == c.batchSize, "--batch \(c.batchSize)")
        check(optimizer != nil, fresh.optimizer == c.optimizer, "--optimizer \(c.optimizer.rawValue)")
        check(momentum != nil, fresh.momentum == c.momentum, "--momentum \(c.momentum)")
        check(truncation != nil, fresh.truncation == c.truncation, "--bptt \(c.truncation)")
        check(seed != nil, fresh.seed == c.seed, "--seed \(c.seed)")
        check(validationFraction != nil, fresh.validationFraction == c.validationFraction, "--val-split \(c.validationFraction)")
        check(validationInterval != nil, fresh.validationInterval == c.validationInterval, "--val-every \(c.validationInterval)")
        check(threads != nil, fresh.threads == c.threads, "--threads \(c.threads)")
        return found
    }

    /// The network sizes a run accepts (and `gradcheck`, whose shape options are the same).
    public static let hiddenSizes = 1...4096, layerCounts = 1...16

    /// What is wrong with the settings, as the flags name them; empty when nothing is.
    public var problems: [String] {
        var found: [String] = []
        func require(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { found.append(message()) } }
        let length = sequenceLength ?? Self.defaults.sequenceLength
        if let v = hiddenSize { require(Self.hiddenSizes.contains(v), "--hidden must be between 1 and 4096, got \(v)") }
        if let v = layers { require(Self.layerCounts.contains(v), "--layers must be between 1 and 16, got \(v)") }
        if let v = sequenceLength { require((3...4096).contains(v), "--seq-len must be between 3 and 4096, got \(v)") }
        if let v = minimumSequenceLength { require((3...length).contains(v), "--min-seq-len must be between 3 and --seq-len (\(length)), got \(v)") }
        if let v = batchSize { require((1...65_536).contains(v), "--batch must be between 1 and 65536, got \(v)") }
        if let v = learningRate { require(v > 0 && v.isFinite, "--lr must be a positive number, got \(v)") }
        if let v = momentum { require((0..<1).contains(v), "--momentum must be at least 0 and below 1, got \(v)") }
        if let v = clip { require(v >= 0 && v.isFinite, "--clip must be 0 (off) or positive, got \(v)") }
        require(steps == nil || epochs == nil, "give --steps or --epochs, not both")
        if let v = steps { require(v >= 1, "--steps must be at least 1, got \(v)") }
        if let v = epochs { require(v > 0 && v.isFinite, "--epochs must be positive, got \(v)") }
        if let v = validationFraction { require(v > 0 && v < 0.5, "--val-split must be above 0 and below 0.5, got \(v)") }
        if let v = validationInterval { require(v >= 1, "--val-every must be at least 1, got \(v)") }
        if let v = targetAccuracy ?? nil { require(v > 0 && v <= 1, "--stop-at takes an accuracy above 0 and at most 1, or 'none', not '\(v)'") }
        if let v = threads { require((1...64).contains(v), "--threads must be between 1 and 64, got \(v)") }
        if setup == .languageModel {
            require(key == nil, "a language model learns plaintext: --key belongs to decrypters")
            require(minimumSequenceLength == nil, "--min-seq-len belongs to decrypters; a language model learns from windows of --seq-len")
            require(bidirectional != true, "a language model reads one way: it predicts each character from the ones before it; drop --bidirectional")
        }
        return found
    }
}
