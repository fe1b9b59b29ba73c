import ArgumentParser
import CaesarLessons

/// `caesar lesson bptt`: the scalar RNN exercise, forward and backward, or a check of a
/// learner's own numbers.
struct LessonBPTT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bptt",
        abstract: "Backpropagation through time for a one-unit RNN, every value shown.",
        discussion: """
            The network: a_t = w·x_t + u·h_{t−1} + b,  h_t = φ(a_t),  ŷ_t = v·h_t + c
            The loss:    L = Σ_t ½(ŷ_t − y_t)², or another --loss form

            Prints the forward table, the backward table with the carry from step
            t+1, each gradient step by step, one SGD step, and a finite-difference
            check. Negative numbers work as values: --w -0.5, --x -1,0.5.

            With --check, compares your own numbers instead and names the first
            wrong one in the order they are computed. Names: a_t, h_t, yhat_t, L_t,
            L, dL/dyhat_t, dL/dh_t, dL/da_t, dL/dw (dL/dW_h …), w_new. The exit
            status is 0 when all are right and 1 when one is wrong.

            Examples:
              caesar lesson bptt
              caesar lesson bptt --preset linear --digits 6
              caesar lesson bptt --check h_3=0.6956 dL/dw=-0.1261
            """
    )

    @OptionGroup var exercise: ScalarRNNOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Your answers to compare, e.g. h_3=0.6956 dL/dw=-0.1261.", valueName: "name=value"),
            transform: NumberArguments.namedValue)
    var check: [(name: String, value: Double)] = []

    func run() throws {
        let lesson = try ScalarRNNLesson(exercise.configuration)
        let out = try output.open()
        guard !check.isEmpty else {
            try output.json ? JSONReport.write(lesson, to: out) : out.write(lesson.text(digits: precision.digits))
            return try out.finish()
        }
        let result = try AnswerCheck(quantities: lesson.quantities, answers: check, digits: precision.digits)
        try output.json ? JSONReport.write(result, to: out) : out.write(result.text())
        try out.finish()
        if result.firstWrong != nil { throw ExitCode(1) }
    }
}
