import CaesarDecryption
import CaesarInspection
import CaesarTraining
import Foundation
import Testing

/// What `caesar eval` and `caesar gradcheck` measure, made from Swift without launching the
/// binary (issue #16).
@Suite struct MethodComparisonTests {
    static let corpus = ModelReportTests.root + "/Corpora/en-the-lighthouse-letters.txt"

    /// Every method cracks the very same messages: each row counts the trials asked for, and
    /// the same plan measures the same figures again.
    @Test func everyMethodIsMeasuredOnTheSameMessages() throws {
        var plan = MethodComparison.Plan(corpus: [Self.corpus])
        plan.methods = [.quadgram, .chi2]
        plan.lengths = [6, 12]
        plan.trials = 15
        plan.noise = true
        let comparison = try MethodComparison(measuring: plan)
        #expect(comparison.measurements.map(\.label) == ["quadgram", "chi2"])
        #expect(comparison.measurements.allSatisfy { $0.rows.map(\.letters) == [6, 12] && $0.rows.allSatisfy { $0.trials == 15 } })
        #expect(comparison.noise.count == 2 && comparison.networks.isEmpty)
        #expect(comparison.facts[1].1 == "15 per length, starting at words, keys 1–25, seed 0")
        let again = try MethodComparison(measuring: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let (first, second) = (String(decoding: try encoder.encode(comparison), as: UTF8.self), String(decoding: try encoder.encode(again), as: UTF8.self))
        #expect(first == second)
        #expect(comparison.page.html.hasPrefix("<!DOCTYPE html>"))
    }

    /// A new network's BPTT gradient agrees with finite differences; a report row per tensor.
    @Test func aNewNetworkPassesItsGradientCheck() {
        let subject = GradientCheckSubject(architecture: .init(cell: .lstm, inputSize: 31, hiddenSize: 3, outputSize: 31), seed: 0)
        let report = subject.check(steps: 3, batch: 2, seed: 0, elements: 20, floor: 1e-4, tolerance: 1e-6)
        #expect(report.passed && report.tensors.map(\.name) == ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "out.weight", "out.bias"])
        #expect(report.tensors.allSatisfy { $0.checked == min(20, $0.elements) })
        #expect(report.text.contains("passed: every tensor agrees within 1e-06"))
    }
}
