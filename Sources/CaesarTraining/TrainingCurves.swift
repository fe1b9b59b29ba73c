import CaesarPlot

/// The learning curves of a run as plots: the validation accuracy in percent on a fixed
/// 0–100% axis (a run's ±1% noise stays small, as it is), and the loss on a log scale, the
/// training loss and, for a language model, the validation loss; both mark the best
/// validation, the step whose weights the model file keeps (``best(_:)``). `caesar train` writes them as
/// OUT.svg; `caesar report` draws them from OUT.csv.
public enum TrainingCurves {
    /// `metric` names what the accuracy counts (``ValidationSet/metric(of:)``).
    public static func plots(_ records: [TrainingRecord], metric: String = "validation accuracy") -> [Plot] {
        let steps = records.map { Double($0.step) }
        let markers = best(records).map { [PlotMarker(x: Double($0.step), label: label($0))] } ?? []
        var losses = [PlotSeries(name: "training", x: steps, y: records.map(\.trainLoss))]
        if records.contains(where: { $0.validationBitsPerCharacter != nil || $0.validationLoss != nil }) {
            // A language model's bits per character back to nats per token, the training loss's unit.
            losses.append(PlotSeries(name: "validation", x: steps, y: records.map { $0.validationLoss ?? ($0.validationBitsPerCharacter ?? .nan) * 0.6931471805599453 }))
        }
        return [
            Plot(title: "Validation accuracy", xLabel: "step", yLabel: metric,
                 series: [PlotSeries(name: "validation", x: steps, y: records.map(\.validationAccuracy))],
                 yRange: 0...1, markers: markers, yFormat: .percent),
            Plot(title: "Loss", xLabel: "step", yLabel: "cross-entropy (nats)", yScale: .log, series: losses, markers: markers),
        ]
    }

    /// The record whose weights the model file keeps, as the trainer chooses it: the lowest
    /// validation loss of a language model, the highest accuracy of a decrypter, the last of
    /// equals (a record as good as the best replaces it).
    public static func best(_ records: [TrainingRecord]) -> TrainingRecord? {
        records.reduce(nil) { best, record in
            guard let best else { return record }
            if let bits = record.validationBitsPerCharacter, let bestBits = best.validationBitsPerCharacter { return bits <= bestBits ? record : best }
            return record.validationAccuracy >= best.validationAccuracy ? record : best
        }
    }

    /// "best: step 250, 35.7%" (a language model: its bits per character).
    static func label(_ best: TrainingRecord) -> String {
        let figure = best.validationBitsPerCharacter.map { String(Double(Int(($0 * 1000).rounded())) / 1000) + " bits/char" }
            ?? PlotAxis.percentLabel(best.validationAccuracy)
        return "best: step \(best.step), \(figure)"
    }

    /// Both plots stacked in one SVG document.
    public static func svg(_ records: [TrainingRecord], metric: String = "validation accuracy") -> String {
        SVGPlot().renderStacked(plots(records, metric: metric))
    }
}
