import Testing

@testable import CaesarLessons

@Suite struct ScalarRNNLessonCheckTests {
    func check(_ answers: [(String, Double)], _ config: ScalarRNNLesson.Configuration = .textbook, digits: Int = 4) throws -> AnswerCheck {
        try AnswerCheck(quantities: try ScalarRNNLesson(config).quantities, answers: answers.map { (name: $0.0, value: $0.1) }, digits: digits)
    }

    @Test func quantitiesComeInDependencyOrder() throws {
        let names = try ScalarRNNLesson(.textbook).quantities.map(\.name)
        #expect(names.prefix(5) == ["a_1", "h_1", "yhat_1", "L_1", "a_2"])
        #expect(names.firstIndex(of: "dL/da_3")! < names.firstIndex(of: "dL/dh_2")!)
        #expect(names.suffix(5) == ["v_new", "c_new", "w_new", "u_new", "b_new"])
        // Every dependency is listed before the quantity that needs it.
        let quantities = try ScalarRNNLesson(.textbook).quantities
        for (index, q) in quantities.enumerated() {
            for d in q.dependencies { #expect(names.firstIndex(of: d)! < index, "\(q.name) needs \(d)") }
        }
    }

    @Test func theBriefsExampleMessage() throws {
        let result = try check([("h_3", 0.7174)])
        #expect(result.explanation == "h_3 is wrong: you gave 0.7174, exact 0.6956; h_3 = tanh(a_3), a_3 = w·x_3 + u·h_2 + b — did you apply the tanh?")
    }

    @Test func aForgottenTanhIsRecognisedAndCarriesThrough() throws {
        // The typical slip: h_3 = a_3, then everything after it computed from that.
        let result = try check([("a_3", 0.8587), ("h_3", 0.8587), ("yhat_3", 0.5294), ("dL/dw", -0.14)])
        #expect(result.firstWrong?.name == "h_3")
        #expect(result.explanation?.hasSuffix("(your a_3 is right) — that is a_3 itself: did you apply the tanh?") == true)
        #expect(result.consequences == ["yhat_3", "dL/dw"])
    }

    @Test func aMissingCarryIsRecognised() throws {
        let result = try check([("dL/dh_2", -0.07066)])
        #expect(result.explanation?.hasSuffix("that is v·∂L/∂ŷ_2 alone: add the carry u·∂L/∂a_3 from step 3") == true)
        let withoutCarries = try check([("dL/du", -0.06742)], digits: 4)
        #expect(withoutCarries.explanation?.contains("without the carries between steps") == true)
    }

    @Test func aWrongSignInTheUpdateIsRecognised() throws {
        let result = try check([("w_new", 0.4874)])
        #expect(result.explanation?.hasSuffix("you added η·∂L/∂w: gradient descent subtracts it") == true)
    }

    @Test func theLinearExerciseChecksWithItsOwnNames() throws {
        let result = try check([("yhat_1", 4), ("yhat_2", 6), ("L", 2), ("dL/dh_1", 0), ("dL/dW_h", 8), ("∂L/∂W_h", 8)].dropLast(), .linear)
        #expect(result.firstWrong == nil && result.verdicts.count == 5)
        #expect(throws: LessonError.self) { try check([("dL/db", 0)], .linear) }  // no bias in this model
    }

    @Test func theLossFormIsRecognised() throws {
        let result = try check([("L_3", 0.06361)])  // (ŷ_3 − y_3)² without the ½
        #expect(result.explanation?.contains("the sum loss; this lesson uses half-sum") == true)
    }
}
