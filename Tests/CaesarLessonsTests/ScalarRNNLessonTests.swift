import Testing

@testable import CaesarLessons

@Suite struct ScalarRNNLessonTests {
    static func configuration(_ g: ScalarRNNGolden) -> ScalarRNNLesson.Configuration {
        ScalarRNNLesson.Configuration(
            x: g.x, y: g.y, parameters: ScalarRNNParameters(w: g.w, u: g.u, v: g.v, b: g.b, c: g.c),
            h0: g.h0, learningRate: g.learningRate,
            activation: Activation(rawValue: g.activation)!, loss: SquaredLoss(rawValue: g.loss)!)
    }

    @Test(arguments: ScalarRNNGolden.cases.map(\.name))
    func everyValueMatchesTheSymbolicDerivatives(_ name: String) throws {
        let g = ScalarRNNGolden.cases.first { $0.name == name }!
        let lesson = try ScalarRNNLesson(Self.configuration(g))
        #expect(close(lesson.forward.map(\.a), g.a))
        #expect(close(lesson.forward.map(\.h), g.h))
        #expect(close(lesson.forward.map(\.yHat), g.yHat))
        #expect(close(lesson.forward.map(\.loss), g.stepLoss))
        #expect(close(lesson.totalLoss, g.totalLoss))
        #expect(close(lesson.backward.map(\.dYHat), g.dYHat))
        #expect(close(lesson.backward.map(\.dH), g.dH))
        #expect(close(lesson.backward.map(\.dA), g.dA))
        #expect(close(lesson.dH0, g.dH0))
        #expect(close(lesson.gradient.w, g.dw) && close(lesson.gradient.u, g.du) && close(lesson.gradient.v, g.dv))
        #expect(lesson.gradient.b.map { close($0, g.db!) } ?? (g.db == nil))
        #expect(lesson.gradient.c.map { close($0, g.dc!) } ?? (g.dc == nil))
        let updated = lesson.updated
        #expect(close([updated.w, updated.u, updated.v] + [updated.b, updated.c].compactMap { $0 }, g.updated))
        #expect(lesson.finiteDifferenceCheck.agrees)
    }

    @Test func theTextbookAnswers() throws {
        let lesson = try ScalarRNNLesson(.textbook)
        let four = { (x: Double) in NumberFormat.significant(x, digits: 4) }
        #expect(lesson.forward.map { four($0.h) } == ["0.6044", "0.7174", "0.6956"])
        #expect(four(lesson.totalLoss) == "0.04658")
        let g = lesson.gradient
        #expect([g.v, g.c!, g.w, g.u, g.b!].map(four) == ["-0.3359", "-0.4913", "-0.1261", "-0.07697", "-0.1621"])
    }

    @Test func theLinearExerciseAnswers() throws {
        let lesson = try ScalarRNNLesson(.linear)
        #expect(lesson.forward.map(\.yHat) == [4, 6])
        #expect(lesson.totalLoss == 2)
        #expect(lesson.backward[0].dH == 0)  // −4 from its own output, +4 carried from step 2
        #expect(lesson.backward[0].dHFromOutput == -4 && lesson.backward[0].dHFromNext == 4)
        #expect(lesson.gradient.u == 8)
        #expect(lesson.gradient.b == nil && lesson.gradient.c == nil)
    }

    @Test func theCarryIsUTimesTheNextStepsDA() throws {
        let lesson = try ScalarRNNLesson(.textbook)
        for t in 0..<2 {
            #expect(lesson.backward[t].dHFromNext == 0.5 * lesson.backward[t + 1].dA)
        }
        #expect(lesson.backward[2].dHFromNext == 0)
    }

    @Test func contributionsSumToTheGradient() throws {
        let lesson = try ScalarRNNLesson(.textbook)
        #expect(close(lesson.contributions.map(\.w).reduce(0, +), lesson.gradient.w, 1e-15))
        #expect(lesson.contributions[0].u == 0)  // h_0 = 0
    }

    @Test func overflowIsAnErrorNotInfinity() {
        var config = ScalarRNNLesson.Configuration.linear
        config.parameters.w = 1e308
        config.x = [10, 10]
        #expect(throws: LessonError.notFinite(quantity: "a_1", value: .infinity)) { try ScalarRNNLesson(config) }
    }

    @Test func aBrokenBackwardPassWouldFailTheFiniteDifferenceCheck() throws {
        // The check is only worth having if it can fail: feed it the gradient without carries.
        let lesson = try ScalarRNNLesson(.textbook)
        let p = lesson.configuration.parameters
        let uncarried = ScalarRNNLesson.total(ScalarRNNLesson.backpropagate(lesson.forward, lesson.configuration, carry: false).contributions)
        let check = FiniteDifferenceCheck(names: p.named.map(\.key), values: p.named.map(\.value), analytic: uncarried.named.map(\.value)) {
            ScalarRNNLesson.run(lesson.configuration, parameters: p.replacing(with: $0)).reduce(0) { $0 + $1.loss }
        }
        #expect(!check.agrees)
        #expect(check.largestDifference > 1e-3)
    }
}
