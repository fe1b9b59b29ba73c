import Testing

/// The teaching commands print for an 80-column terminal: every line of their default output
/// and of their help, counted in characters (∂, ŷ and ⊙ are one each), fits.
@Suite struct LessonWidthTests {
    static let commands: [[String]] = [
        ["lesson", "bptt"], ["lesson", "lstm"], ["lesson", "gradients"], ["lesson", "shapes"], ["gradcheck"],
        ["lesson", "--help"], ["lesson", "bptt", "--help"], ["lesson", "lstm", "--help"], ["lesson", "gradients", "--help"],
        ["lesson", "shapes", "--help"], ["lesson", "setups", "--help"], ["gradcheck", "--help"],
    ]

    @Test(arguments: commands)
    func everyLineFitsEightyColumns(_ arguments: [String]) throws {
        let run = try CaesarRun(arguments)
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(!run.stdout.isEmpty)
        for line in run.stdout.split(separator: "\n") where line.count > 80 {
            Issue.record("\(line.count) characters: \(line)")
        }
    }
}
