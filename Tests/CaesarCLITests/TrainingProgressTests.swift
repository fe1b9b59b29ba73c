import Testing

@testable import caesar

/// The training progress line fits the terminal it is drawn on (issue #15: a 92-column line
/// redrawn on an 80-column terminal left a wrapped line behind at every redraw).
@Suite struct TrainingProgressTests {
    static let fields: [(text: String, priority: Int)] = [
        ("step 120/2000", 0), ("6%", 1), ("▕█░░░░░░░░░░░░░░░░░░▏", 6), ("loss 1.2345", 3), ("val 45.00%", 4),
        ("12,345 chars/s", 7), ("12s elapsed", 5), ("ETA 3m05s", 2),
    ]

    @Test(arguments: [200, 100, 80, 60, 40, 20, 8])
    func theLineFitsTheWidth(_ width: Int) {
        let line = TrainingProgress.fitted(Self.fields, width: width)
        #expect(line.count <= width, "\(line)")
        #expect(line.hasPrefix(String("step 120/2000".prefix(width))))
    }

    @Test func whatMattersMostIsKeptAndTheOrderIsKept() {
        #expect(TrainingProgress.fitted(Self.fields, width: 200)
            == "step 120/2000  6%  ▕█░░░░░░░░░░░░░░░░░░▏  loss 1.2345  val 45.00%  12,345 chars/s  12s elapsed  ETA 3m05s")
        #expect(TrainingProgress.fitted(Self.fields, width: 40) == "step 120/2000  6%  val 45.00%  ETA 3m05s")
    }
}
