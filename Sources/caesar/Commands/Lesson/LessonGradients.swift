import CaesarInspection
import ArgumentParser
import CaesarIO
import CaesarLessons
import CaesarPlot

/// `caesar lesson gradients`: vanishing and exploding gradients, RNN against LSTM, worked
/// out exactly or measured in a trained network.
struct LessonGradients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradients",
        abstract: "How ∂h_t/∂h_k grows or vanishes with distance, for a sweep of w, against an LSTM's cell path.",
        discussion: """
            RNN: a_t = w·h_{t−1} + x_t + b, h_t = φ(a_t), so ∂h_t/∂h_k = Π w·φ′(a_j).
            With a sigmoid φ′(a) ≤ φ′(0) = 1/4: |w| < 4 vanishes, |w| > 4 can explode.
            LSTM: along the cell, ∂c_t/∂c_k = Π f_j, the product of forget gates.

            With --model FILE, measures the same in a trained network instead: the
            norm of ∂L_t/∂h_{t−d}, L_t the loss at the last character of a window
            of real text, averaged over --windows windows, beside the analytic RNN
            that loses as much per step.

            Prints a table by distance and a chart (log scale); --svg writes the same
            plot as an SVG file, replaced atomically.

            Examples:
              caesar lesson gradients
              caesar lesson gradients --activation tanh --w 0.5,1,2 --steps 40 --svg flow.svg
              caesar lesson gradients --model Models/default.safetensors
            """
    )

    @OptionGroup var sweep: GradientFlowOptions
    @OptionGroup var measurement: GradientMeasurementOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Also write the plot to this SVG file.", valueName: "path"))
    var svg: String?

    @Flag(help: "Draw the chart's axes and markers with ASCII characters.")
    var ascii = false

    func validate() throws {
        if svg == "" { throw ValidationError("--svg needs a file path") }
        if measurement.isGiven, sweep.isGiven {
            throw ValidationError("--model measures a trained network; the sweep's options (--w, --activation, --steps, --x, --b, --h0, --forget-bias) are for the analytic lesson")
        }
    }

    func run() throws {
        let lesson: any ChartedLesson = measurement.isGiven ? try measurement.lesson() : try GradientFlowLesson(sweep.configuration)
        if let svg { try AtomicFile.write(Array(SVGPlot().render(lesson.plot).utf8), to: svg) }
        let out = try output.open()
        let chart = TextChart(width: 64, height: 16, style: ascii ? .ascii : .unicode)
        try output.json ? JSONReport.write(lesson, to: out) : out.write(lesson.text(digits: precision.digits, chart: chart))
        try out.finish()
    }
}

/// A lesson with a table and a chart: the analytic sweep and the measurement alike.
protocol ChartedLesson: Encodable {
    var plot: Plot { get }
    func text(digits: Int, chart: TextChart) -> String
}

extension GradientFlowLesson: ChartedLesson {}
extension MeasuredGradientFlow: ChartedLesson {}
