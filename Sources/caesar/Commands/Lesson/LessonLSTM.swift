import ArgumentParser
import CaesarLessons

/// `caesar lesson lstm`: one LSTM cell over a few steps, forward and backward.
struct LessonLSTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lstm",
        abstract: "One LSTM cell over a few steps: every gate, c_t and h_t, and the backward pass through c_t.",
        discussion: """
            Gates in PyTorch's order and equations:
              i_t = σ(W_i·x_t + U_i·h_{t−1} + b_i)   f_t = σ(W_f·x_t + U_f·h_{t−1} + b_f)
              g_t = tanh(W_g·x_t + U_g·h_{t−1} + b_g) o_t = σ(W_o·x_t + U_o·h_{t−1} + b_o)
              c_t = f_t⊙c_{t−1} + i_t⊙g_t            h_t = o_t⊙tanh(c_t)
            The loss is on h_t directly: L = Σ_t ½‖h_t − y_t‖² (or another --loss).

            Scalar by default; with --input-size and --hidden-size, vectors. Weights
            not given are the lesson's defaults for a scalar cell, otherwise drawn
            as PyTorch does, uniform in (−1/√H, 1/√H), from --seed.

            Examples:
              caesar lesson lstm
              caesar lesson lstm --input-size 2 --hidden-size 3 --seed 1
            """
    )

    @OptionGroup var cell: LSTMCellOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let lesson = try LSTMCellLesson(cell.configuration)
        let out = try output.open()
        try output.json ? JSONReport.write(lesson, to: out) : out.write(lesson.text(digits: precision.digits))
        try out.finish()
    }
}
