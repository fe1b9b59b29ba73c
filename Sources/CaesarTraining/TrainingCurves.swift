import CaesarPlot

/// The learning curves of a run as plots: validation accuracy, and training loss on a log
/// scale, each against the step. `caesar train` writes them as OUT.svg; `caesar report`
/// draws them from OUT.csv.
public enum TrainingCurves {
    public static func plots(_ records: [TrainingRecord]) -> [Plot] {
        let steps = records.map { Double($0.step) }
        return [
            Plot(title: "Validation accuracy", xLabel: "step", yLabel: "character accuracy",
                 series: [PlotSeries(name: "validation", x: steps, y: records.map(\.validationAccuracy))]),
            Plot(title: "Training loss", xLabel: "step", yLabel: "cross-entropy (nats)", yScale: .log,
                 series: [PlotSeries(name: "training", x: steps, y: records.map(\.trainLoss))]),
        ]
    }

    /// Both plots stacked in one SVG document.
    public static func svg(_ records: [TrainingRecord]) -> String {
        SVGPlot().renderStacked(plots(records))
    }
}
