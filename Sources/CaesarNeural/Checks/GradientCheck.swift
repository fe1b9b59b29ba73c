/// Backpropagation checked against finite differences, tensor by tensor, in `Double`.
///
/// For each checked parameter θ_k the numerical derivative is the central difference
/// D(ε) = (L(θ + ε·e_k) − L(θ − ε·e_k)) / 2ε, refined by Richardson extrapolation,
/// (4·D(ε/2) − D(ε)) / 3, which cancels the ε² error term; what remains is rounding,
/// about 1e-11 for a loss of order one.
///
/// The error measure is the relative error |a − n| / max(|a|, |n|, floor) between the
/// analytic gradient a (from BPTT) and the numerical one n; the floor (1e-6 by default) keeps
/// gradients that are zero up to rounding from counting as large relative errors.
public enum GradientCheck {
    public struct TensorReport: Equatable, Sendable, Codable {
        public let name: String
        public let shape: [Int]
        /// Elements compared.
        public let checked: Int
        public let maxRelativeError: Double
        public let maxAbsoluteError: Double
        /// The analytic and numerical gradient where the relative error is largest.
        public let worstAnalytic: Double
        public let worstNumerical: Double
    }

    public struct Report: Equatable, Sendable, Codable {
        public let tensors: [TensorReport]
        public let epsilon: Double
        public let floor: Double
        public var maxRelativeError: Double { tensors.map(\.maxRelativeError).max() ?? 0 }
        public func passed(tolerance: Double = 1e-6) -> Bool { maxRelativeError < tolerance }
    }

    /// Compares backpropagation's gradient of `batch`'s loss with finite differences for every
    /// parameter, or for `limit` elements of each tensor spread evenly over it
    /// (``sample(_:limit:)``), so that every gate block and row gets its share; for a network of
    /// any setup. It checks full BPTT: truncation cuts the carried gradient, which finite
    /// differences of the loss cannot see; truncation has its own tests.
    @_specialize(exported: true, where Model == ManyToManyModel<Double>)
    @_specialize(exported: true, where Model == KeyClassifier<Double>)
    @_specialize(exported: true, where Model == EncoderDecoder<Double>)
    public static func run<Model: TrainableModel>(
        model: Model, batch: SequenceBatch, epsilon: Double = 1e-3, floor: Double = 1e-6, limit: Int? = nil
    ) -> Report {
        typealias Scalar = Model.Scalar
        model.gradients.zero()
        model.lossAndGradients(batch, carry: nil)
        let analytic = model.gradients.values
        let original = model.parameters.values

        func loss(at k: Int, plus delta: Double) -> Double {
            model.parameters.values[k] = Scalar(Double(original[k]) + delta)
            defer { model.parameters.values[k] = original[k] }
            return model.loss(batch)
        }
        func centralDifference(_ k: Int, _ h: Double) -> Double {
            (loss(at: k, plus: h) - loss(at: k, plus: -h)) / (2 * h)
        }

        var reports: [TensorReport] = []
        for entry in model.parameters.layout.entries {
            var worst = (relative: 0.0, absolute: 0.0, analytic: 0.0, numerical: 0.0)
            let indices = sample(entry.range, limit: limit)
            for k in indices {
                let numerical = (4 * centralDifference(k, epsilon / 2) - centralDifference(k, epsilon)) / 3
                let a = Double(analytic[k])
                let absolute = abs(a - numerical)
                let relative = absolute / max(abs(a), abs(numerical), floor)
                if relative > worst.relative { worst = (relative, worst.absolute, a, numerical) }
                worst.absolute = max(worst.absolute, absolute)
            }
            reports.append(TensorReport(
                name: entry.name, shape: entry.shape, checked: indices.count, maxRelativeError: worst.relative,
                maxAbsoluteError: worst.absolute, worstAnalytic: worst.analytic, worstNumerical: worst.numerical))
        }
        return Report(tensors: reports, epsilon: epsilon, floor: floor)
    }

    /// `limit` indices of `range` spread evenly from its start (all of them when it has no
    /// more, or `limit` is nil): element ⌊k·n/limit⌋ for k = 0, 1, …
    ///
    ///     GradientCheck.sample(0..<10, limit: 4)   // [0, 2, 5, 7]
    public static func sample(_ range: Range<Int>, limit: Int?) -> [Int] {
        guard let limit, limit < range.count else { return Array(range) }
        precondition(limit > 0, "check at least one element")
        return (0..<limit).map { range.lowerBound + $0 * range.count / limit }
    }
}
