import CaesarPlot
import Foundation
import Testing

@testable import CaesarLessons

/// The summary of measured gradient norms, checked against sums worked out by hand.
@Suite struct MeasuredGradientFlowTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let windows: [[Double]]
        let mean: [Double]
        let relative: [Double]
        let distance: Int
        let factor: Double
        var testDescription: String { "\(windows)" }
    }

    static let cases = [
        Case(windows: [[2, 1, 0.5], [4, 1, 0.25]], mean: [3, 1, 0.375], relative: [1, 1.0 / 3, 0.125], distance: 2, factor: 0.125.squareRoot()),
        Case(windows: [[1, 0.5, 0.25, 0.125]], mean: [1, 0.5, 0.25, 0.125], relative: [1, 0.5, 0.25, 0.125], distance: 3, factor: 0.5),
        Case(windows: [[3, 3], [1, 1], [2, 2]], mean: [2, 2], relative: [1, 1], distance: 1, factor: 1),
        Case(windows: [[0.5, 0.4, 0], [1.5, 0.2, 0]], mean: [1, 0.3, 0], relative: [1, 0.3, 0], distance: 2, factor: 0),
    ]

    @Test(arguments: cases)
    func meansRelativeNormsAndTheFactorPerStep(_ c: Case) {
        let flow = MeasuredGradientFlow(model: "m", source: "s", lossStep: c.windows[0].count - 1, normsByDistance: c.windows)
        #expect(zip(flow.mean, c.mean).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(flow.relative, c.relative).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(flow.factorDistance == c.distance)
        #expect(abs(flow.factorPerStep - c.factor) < 1e-15)
        #expect(abs(flow.equivalentSigmoidWeight - 4 * c.factor) < 1e-14)
    }

    @Test func theFactorIsTakenOverTwentyStepsAtMost() {
        // 0.9^d for d = 0…30: every step keeps 0.9, whatever the distance it is taken over.
        let norms = (0...30).map { pow(0.9, Double($0)) }
        let flow = MeasuredGradientFlow(model: "m", source: "s", lossStep: 30, normsByDistance: [norms])
        #expect(flow.factorDistance == 20)
        #expect(abs(flow.factorPerStep - 0.9) < 1e-14)
    }

    @Test func theTextShowsTheTableAndTheAnalyticTwin() {
        let flow = MeasuredGradientFlow(model: "m.safetensors: rnn 4", source: "the text", lossStep: 2,
                                        normsByDistance: [[2, 1, 0.5], [4, 1, 0.25]])
        let text = flow.text(digits: 4, chart: TextChart(width: 30, height: 8, style: .ascii))
        #expect(text.hasPrefix("""
            Gradient flow in a trained network, by BPTT: ‖∂L_t/∂h_{t−d}‖ by distance d
              model  m.safetensors: rnn 4
              text   the text
              L_t is the cross-entropy at the last character of a window (t = 2), h the
              first layer's forward hidden state; each row is the mean over the 2 windows.

              d  mean ‖∂L_t/∂h_{t−d}‖  relative to d = 0
              -  --------------------  -----------------
              0                     3                  1
              1                     1             0.3333
              2                 0.375              0.125
              An average step keeps 0.3536 of the gradient (0.125 after 2 steps, to the
              power 1/2): as much as the analytic lesson's centred sigmoid RNN with
              w = 1.414, whose every step keeps w·φ′(0) = w/4.
              Compare: caesar lesson gradients --w 1.414 --steps 2

            Gradient flow measured over 2 windows

            """))
        #expect(text.contains("* RNN, 0.354 a step   o measured"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(flow.plot.series[0].points.map(\.y) == [1, 0.125.squareRoot(), 0.125.squareRoot() * 0.125.squareRoot()])
    }

    @Test func aLongModelOrSourceContinuesUnderItself() {
        let flow = MeasuredGradientFlow(
            model: "'/a/long/folder/of/models/key3.safetensors', lstm 256 bidirectional (31 → 31); its forward direction is measured",
            source: "Corpora/en-the-lighthouse-letters.txt, the first 16 windows of 32 characters, encrypted with key 3",
            lossStep: 1, normsByDistance: [[1, 0.5]])
        #expect(flow.text(digits: 4).hasPrefix("""
            Gradient flow in a trained network, by BPTT: ‖∂L_t/∂h_{t−d}‖ by distance d
              model  '/a/long/folder/of/models/key3.safetensors', lstm 256 bidirectional
                     (31 → 31); its forward direction is measured
              text   Corpora/en-the-lighthouse-letters.txt, the first 16 windows of 32
                     characters, encrypted with key 3

            """))
    }

    @Test func aGradientThatVanishesCompletelyIsSaidSo() {
        let flow = MeasuredGradientFlow(model: "m", source: "s", lossStep: 1, normsByDistance: [[1, 0]])
        #expect(flow.text(digits: 4).contains("  Nothing of the gradient is left after 1 steps: it vanished completely.\n"))
    }
}
