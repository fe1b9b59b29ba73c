import CaesarPlot

#if canImport(Glibc)
import Glibc
#endif

/// The gradient-flow lesson as the terminal shows it: the per-step factor for each w, the
/// products by distance beside the LSTM's, and a chart.
extension GradientFlowLesson {
    public func text(digits: Int, chart: TextChart = TextChart()) -> String {
        let config = configuration, phi = config.activation
        let T = config.x.count
        let f = { (x: Double) in NumberFormat.significant(x, digits: digits) }
        let slope = phi.derivative(at: 0)
        var text = "Gradient flow over T = \(T) steps: ∂h_T/∂h_k = Π_{j=k+1…T} w·φ′(a_j)\n"
        text += "  for a_t = w·h_{t−1} + x_t + b, h_t = \(phi.applied(to: "a_t"))\n"
        if slope > 0 {
            text += "  φ′(0) = \(f(slope)) is the largest slope of \(phi.rawValue), so |w·φ′(a)| ≤ |w|·\(f(slope)):\n"
            text += "  below |w| = \(f(1 / slope)) every factor shrinks the gradient.\n"
        } else {
            text += TextWrap.wrap("φ′(0) = 0 for \(phi.rawValue): at a = 0 every factor is 0, so give inputs (--x) that make a_t positive.",
                                  indent: "  ")
        }
        if config.bias == nil && config.h0 == nil {
            text += TextWrap.wrap("Centred: h_0 = φ(0) and b = −w·φ(0), so a_t = x_t while the inputs are 0 and each factor is exactly w·φ′(0).",
                                  indent: "  ")
        }
        text += "\n"

        var table = TextTable(header: ["w", "w·φ′(0)", "at a = 0", "mean |w·φ′(a_t)|", "∂h_\(T)/∂h_0"])
        for run in rnn {
            let size = abs(run.factorAtZero)
            let verdict = size < 1 ? "vanishes" : size > 1 ? "explodes" : "holds"
            // exp of the mean log, so that long products cannot underflow on the way.
            let mean = exp(run.factors.reduce(0) { $0 + log(abs($1)) } / Double(T))
            table.append([f(run.w), f(run.factorAtZero), verdict, f(mean), f(run.byDistance[T - 1])])
        }
        text += table.render(fitting: TextWrap.width)
        text += TextWrap.wrap("(mean is the geometric mean over the steps: the factor the gradient shrinks or grows by, on average)",
                              indent: "  ", continuation: "   ") + "\n"

        text += "By distance d = T − k: ∂h_T/∂h_{T−d} for each RNN,\n"
        text += "and the LSTM cell path ∂c_T/∂c_{T−d} = f_T·…·f_{T−d+1}\n"
        table = TextTable(header: ["d"] + rnn.map { "w = \(f($0.w))" } + ["LSTM Π f"])
        for d in 1...T {
            table.append(["\(d)"] + rnn.map { f($0.byDistance[d - 1]) } + [f(lstm.byDistance[d - 1])])
        }
        text += table.render(fitting: TextWrap.width)  // up to 10 weights: the columns continue below, by d
        let fMin = lstm.forgetGates.min() ?? 0, fMax = lstm.forgetGates.max() ?? 0
        text += TextWrap.wrap("LSTM forget gates f_t from \(f(fMin)) to \(f(fMax)) (forget bias b_f = \(f(config.lstm.f.b[0]))): "
                              + "no weight and no φ′ on the cell path, only f.", indent: "  ")
        if fMax < 0.9 { text += "  A forget gate near 1 carries the gradient far: try --forget-bias 4 (f ≈ 0.98).\n" }
        text += "\n"
        return text + TextWrap.chart(chart.render(plot))
    }
}
