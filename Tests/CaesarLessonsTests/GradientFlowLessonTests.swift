import CaesarPlot
import Testing

@testable import CaesarLessons

@Suite struct GradientFlowLessonTests {
    @Test(arguments: GradientFlowGolden.cases.map(\.name))
    func productsMatchTheHighPrecisionReference(_ name: String) throws {
        let g = GradientFlowGolden.cases.first { $0.name == name }!
        var lstm = LSTMCellParameters.lessonDefaults
        lstm.f.b = [g.forgetBias]
        let lesson = try GradientFlowLesson(.init(activation: Activation(rawValue: g.activation)!, weights: g.weights, x: g.x, bias: g.b, h0: g.h0, lstm: lstm))
        for (run, expected) in zip(lesson.rnn, g.byDistance) {
            #expect(close(run.byDistance, expected), "w = \(run.w)")
        }
        #expect(close(lesson.lstm.byDistance, g.lstmByDistance))
    }

    @Test func theSigmoidThresholdIsFour() throws {
        let lesson = try GradientFlowLesson(.lessonDefaults)
        #expect(lesson.rnn.map(\.factorAtZero) == [0.5, 0.75, 1, 1.25, 1.5])
        #expect(lesson.rnn[2].byDistance.allSatisfy { $0 == 1 })  // w = 4: exactly 1 at every distance
        #expect(lesson.rnn[0].byDistance[19] == 0.000000953674316406250)  // (1/2)^20
        #expect(lesson.rnn.allSatisfy { $0.a.allSatisfy { $0 == 0 } })  // centred: every a_t = 0
    }

    @Test func inputsPullTheFactorsBelowTheBound() throws {
        var config = GradientFlowLesson.Configuration.lessonDefaults
        config.x = [Double](repeating: 1.5, count: 20)
        let lesson = try GradientFlowLesson(config)
        for run in lesson.rnn {
            #expect(run.factors.allSatisfy { abs($0) < abs(run.factorAtZero) })
        }
    }

    @Test func thePlotHasOneSeriesPerWeightAndTheLSTM() throws {
        let plot = try GradientFlowLesson(.lessonDefaults).plot
        #expect(plot.yScale == .log)
        #expect(plot.series.map(\.name) == ["RNN w = 2", "RNN w = 3", "RNN w = 4", "RNN w = 5", "RNN w = 6", "LSTM Π f"])
        #expect(plot.series[0].points[2] == PlotPoint(x: 3, y: 0.125))
    }

    @Test func negativeWeightsAlternateInSignButPlotTheirSize() throws {
        let lesson = try GradientFlowLesson(.init(activation: .tanh, weights: [-1.5], x: [0, 0, 0]))
        #expect(lesson.rnn[0].byDistance == [-1.5, 2.25, -3.375])
        #expect(lesson.plot.series[0].points.map(\.y) == [1.5, 2.25, 3.375])
    }

    @Test func overflowIsAnError() {
        #expect(throws: LessonError.self) {
            try GradientFlowLesson(.init(activation: .identity, weights: [1e200], x: [0, 0, 0]))
        }
    }

    @Test func theTextHasTheVerdictTableAndChart() throws {
        let text = try GradientFlowLesson(.lessonDefaults).text(digits: 4)
        #expect(text.contains("  5     1.25  explodes              1.25       86.74\n"))
        #expect(text.contains("  20  9.537e-07  0.003171      1  86.74   3325  0.001901\n"))
        #expect(text.contains("below |w| = 4 every factor shrinks the gradient."))
        #expect(text.contains("● RNN w = 2"))
    }
}
