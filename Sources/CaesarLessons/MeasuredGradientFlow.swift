import CaesarPlot

#if canImport(Glibc)
import Glibc
#endif

/// The measured counterpart of ``GradientFlowLesson``: in a trained network reading real
/// text, how much of the gradient of the loss at step t reaches the hidden state d steps
/// earlier, ‖∂L_t/∂h_{t−d}‖, averaged over windows.
///
/// The measurement itself (BPTT on a model) happens elsewhere; this type takes its numbers,
/// one row per window and one column per distance d = 0, 1, …, and summarizes them:
///
///     let flow = MeasuredGradientFlow(model: "lstm 64", source: "2 windows", lossStep: 2,
///                                     normsByDistance: [[2, 1, 0.5], [4, 1, 0.25]])
///     flow.mean            // [3, 1, 0.375]     the average norm at each distance
///     flow.relative        // [1, 0.3333, 0.125] as a fraction of the average at d = 0
///     flow.factorPerStep   // 0.3536 = 0.125^(1/2), the shrink factor of an average step
///
/// The factor per step links back to the analytic lesson: its centred sigmoid RNN with weight
/// w multiplies the gradient by exactly w·φ′(0) = w/4 per step, so the measured network loses
/// gradient as fast as that RNN with w = 4·factor.
public struct MeasuredGradientFlow: Sendable, Encodable {
    /// What was measured, for the reader: "m.safetensors: lstm 64 bidirectional (31 → 31)".
    public let model: String
    /// Where the windows came from and how they were encrypted.
    public let source: String
    /// t, the step whose loss is differentiated (the windows' last character).
    public let lossStep: Int
    /// Per window, ‖∂L_t/∂h_{t−d}‖ for d = 0…t.
    public let normsByDistance: [[Double]]
    /// The mean over the windows, by distance.
    public let mean: [Double]
    /// mean[d] / mean[0]: 1 at d = 0.
    public let relative: [Double]
    /// The distance over which ``factorPerStep`` is taken: min(t, 20).
    public let factorDistance: Int
    /// relative[D]^(1/D) for D = ``factorDistance``: the geometric mean of the shrink factor of
    /// one step over the first D steps.
    public let factorPerStep: Double

    public init(model: String, source: String, lossStep: Int, normsByDistance: [[Double]]) {
        precondition(lossStep > 0, "the loss step needs earlier steps to reach")
        precondition(!normsByDistance.isEmpty && normsByDistance.allSatisfy { $0.count == lossStep + 1 },
                     "one norm per distance 0…\(lossStep) for every window")
        self.model = model
        self.source = source
        self.lossStep = lossStep
        self.normsByDistance = normsByDistance
        let windows = Double(normsByDistance.count)
        let mean = (0...lossStep).map { d in normsByDistance.reduce(0) { $0 + $1[d] } / windows }
        self.mean = mean
        relative = mean.map { mean[0] > 0 ? $0 / mean[0] : 0 }
        factorDistance = min(lossStep, 20)
        factorPerStep = pow(relative[factorDistance], 1 / Double(factorDistance))
    }

    /// The analytic lesson's sigmoid RNN weight whose factor per step, w·φ′(0) = w/4, equals
    /// the measured one.
    public var equivalentSigmoidWeight: Double { 4 * factorPerStep }

    /// The relative norm by distance on a log scale, over the straight line of the analytic
    /// RNN that shrinks by the same factor at every step.
    public var plot: Plot {
        let distances = (0...lossStep).map(Double.init)
        let r = NumberFormat.significant(factorPerStep, digits: 3)
        return Plot(
            title: "Gradient flow measured over \(normsByDistance.count) window\(normsByDistance.count == 1 ? "" : "s")",
            xLabel: "distance d", yLabel: "‖∂L_t/∂h_(t−d)‖ relative to d = 0", yScale: .log,
            series: [  // the measurement last, so that it is drawn on top
                PlotSeries(name: "RNN, \(r) a step", x: distances, y: distances.map { pow(factorPerStep, $0) }),
                PlotSeries(name: "measured", x: distances, y: relative),
            ])
    }

    public func text(digits: Int, chart: TextChart = TextChart()) -> String {
        let f = { (x: Double) in NumberFormat.significant(x, digits: digits) }
        let t = lossStep
        var text = "Gradient flow in a trained network, by BPTT: ‖∂L_t/∂h_{t−d}‖ by distance d\n"
        // The model's path and the text's description can be long: they continue under themselves.
        text += TextWrap.wrap(model, indent: "  model  ", continuation: "         ")
        text += TextWrap.wrap(source, indent: "  text   ", continuation: "         ")
        text += TextWrap.wrap("L_t is the cross-entropy at the last character of a window (t = \(t)), h the first layer's forward hidden state; "
                              + "each row is the mean over the \(normsByDistance.count) window\(normsByDistance.count == 1 ? "" : "s").", indent: "  ")
        text += "\n"
        var table = TextTable(header: ["d", "mean ‖∂L_t/∂h_{t−d}‖", "relative to d = 0"])
        for d in 0...t { table.append(["\(d)", f(mean[d]), f(relative[d])]) }
        text += table.render()
        let D = factorDistance, w = f(equivalentSigmoidWeight)
        if factorPerStep > 0 {
            text += TextWrap.wrap("An average step keeps \(f(factorPerStep)) of the gradient (\(f(relative[D])) after \(D) steps, to the power 1/\(D)): "
                                  + "as much as the analytic lesson's centred sigmoid RNN with w = \(w), whose every step keeps w·φ′(0) = w/4.",
                                  indent: "  ")
            text += "  Compare: caesar lesson gradients --w \(w) --steps \(D)\n\n"
        } else {
            text += "  Nothing of the gradient is left after \(D) steps: it vanished completely.\n\n"
        }
        return text + TextWrap.chart(chart.render(plot))
    }
}
