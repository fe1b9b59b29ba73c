import CaesarRandom

/// B sequences of T steps, time-major: the token of sequence b at step t is at `t·B + b`.
///
/// What the targets mean depends on the setup: many-to-many, the output at each step;
/// encoder–decoder, the output sequence, which the decoder reads at step t to predict step
/// t + 1 (so `targets` starts with the start token); many-to-one uses one ``labels`` entry per
/// sequence instead.
public struct SequenceBatch: Equatable, Sendable {
    /// T
    public let steps: Int
    /// B
    public let size: Int
    /// Input token indices (T·B).
    public var inputs: [Int32]
    /// Target class indices (T·B); empty for inference.
    public var targets: [Int32]
    /// Targets with this value add nothing to the loss (padding).
    public var ignoredTarget: Int32?
    /// One class per sequence (B), e.g. the key a window was encrypted with; empty if none.
    public var labels: [Int32]

    public init(steps: Int, size: Int, inputs: [Int32], targets: [Int32] = [], ignoredTarget: Int32? = nil, labels: [Int32] = []) {
        precondition(steps > 0 && size > 0, "a batch needs at least one step and one sequence")
        precondition(inputs.count == steps * size, "\(inputs.count) inputs for \(steps) steps × \(size) sequences")
        precondition(targets.isEmpty || targets.count == steps * size, "\(targets.count) targets for \(steps) × \(size)")
        precondition(labels.isEmpty || labels.count == size, "\(labels.count) labels for \(size) sequences")
        self.steps = steps
        self.size = size
        self.inputs = inputs
        self.targets = targets
        self.ignoredTarget = ignoredTarget
        self.labels = labels
    }

    /// Builds a time-major batch from B sequences of equal length, each given in time order.
    public init(sequences: [[Int32]], targets: [[Int32]] = [], ignoredTarget: Int32? = nil, labels: [Int32] = []) {
        precondition(!sequences.isEmpty, "a batch needs at least one sequence")
        let T = sequences[0].count, B = sequences.count
        precondition(sequences.allSatisfy { $0.count == T } && targets.allSatisfy { $0.count == T },
                     "the sequences of a batch must have equal lengths")
        var inputs = [Int32](repeating: 0, count: T * B)
        var flatTargets = [Int32](repeating: 0, count: targets.isEmpty ? 0 : T * B)
        for b in 0..<B {
            for t in 0..<T {
                inputs[t * B + b] = sequences[b][t]
                if !targets.isEmpty { flatTargets[t * B + b] = targets[b][t] }
            }
        }
        self.init(steps: T, size: B, inputs: inputs, targets: flatTargets, ignoredTarget: ignoredTarget, labels: labels)
    }

    /// B sequences of T tokens drawn uniformly from `0..<inputs`, each step's target uniformly
    /// from `0..<outputs` (inputs first, step by step, then targets): data for checks that hold
    /// for any input, such as the gradient check.
    public static func random(steps: Int, size: Int, inputs: Int, outputs: Int, random: inout SeededGenerator) -> SequenceBatch {
        precondition(inputs > 0 && outputs > 0, "classes to draw from")
        let tokens = (0..<(steps * size)).map { _ in Int32(random.uniformInt(below: inputs)) }
        let targets = (0..<(steps * size)).map { _ in Int32(random.uniformInt(below: outputs)) }
        // Drawn last, so the tokens and targets are those of a batch without labels.
        let labels = (0..<size).map { _ in Int32(random.uniformInt(below: outputs)) }
        return SequenceBatch(steps: steps, size: size, inputs: tokens, targets: targets, labels: labels)
    }

    /// Sequences `range` of every step, as a batch of their own.
    public func sequences(_ range: Range<Int>) -> SequenceBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= size && !range.isEmpty)
        var inputs: [Int32] = [], targets: [Int32] = []
        inputs.reserveCapacity(steps * range.count)
        for t in 0..<steps {
            inputs.append(contentsOf: self.inputs[(t * size + range.lowerBound)..<(t * size + range.upperBound)])
            if !self.targets.isEmpty {
                targets.append(contentsOf: self.targets[(t * size + range.lowerBound)..<(t * size + range.upperBound)])
            }
        }
        return SequenceBatch(steps: steps, size: range.count, inputs: inputs, targets: targets, ignoredTarget: ignoredTarget,
                             labels: labels.isEmpty ? [] : Array(labels[range]))
    }

    /// How many targets count in the loss.
    public var countedTargets: Int { countedTargets(fromStep: 0) }

    /// How many targets of steps `first ..< T` count in the loss.
    public func countedTargets(fromStep first: Int) -> Int {
        let counted = targets[(first * size)...]
        guard let ignoredTarget else { return counted.count }
        return counted.reduce(0) { $0 + ($1 == ignoredTarget ? 0 : 1) }
    }
}
