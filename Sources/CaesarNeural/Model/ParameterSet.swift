/// All tensors of a model in one flat buffer, each a named window into it.
///
/// A model holds two of these with the same layout: its parameters and their gradients
/// (the pairing of llm.c's `params` and `grads`). Optimizers and gradient clipping work on the
/// flat `values`; files and tests address tensors by their PyTorch names.
public struct ParameterSet<Scalar: NeuralScalar>: Equatable, Sendable {
    public let layout: ParameterLayout
    public var values: [Scalar]

    public init(layout: ParameterLayout, repeating value: Scalar = 0) {
        self.layout = layout
        self.values = [Scalar](repeating: value, count: layout.totalCount)
    }

    public init(layout: ParameterLayout, values: [Scalar]) {
        precondition(values.count == layout.totalCount, "\(values.count) values for \(layout.totalCount) parameters")
        self.layout = layout
        self.values = values
    }

    /// The values of one named tensor, row-major.
    public subscript(name: String) -> [Scalar] {
        get { Array(values[layout.entry(name).range]) }
        set {
            let entry = layout.entry(name)
            precondition(newValue.count == entry.count, "\(newValue.count) values for \(name) \(entry.shape)")
            values.replaceSubrange(entry.range, with: newValue)
        }
    }

    /// The same tensors in another precision (Float ↔ Double), e.g. to check gradients in Double.
    public func converted<Other: NeuralScalar>(to _: Other.Type = Other.self) -> ParameterSet<Other> {
        ParameterSet<Other>(layout: layout, values: values.map { Other($0) })
    }

    /// Sets every value to zero (gradients before a new accumulation).
    public mutating func zero() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// The Euclidean norm of all values together, accumulated in Double.
    public var norm: Double {
        var sum = 0.0
        for v in values { sum += Double(v) * Double(v) }
        return sum.squareRoot()
    }
}
