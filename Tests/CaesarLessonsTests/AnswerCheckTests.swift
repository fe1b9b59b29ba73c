import Testing

@testable import CaesarLessons

@Suite struct AnswerCheckTests {
    let quantities = [
        CheckableQuantity(name: "a_1", value: 0.7, formula: "a_1 = 0.7", question: "?"),
        CheckableQuantity(name: "h_1", value: 0.6043677771171636, formula: "h_1 = tanh(a_1)", dependencies: ["a_1"], question: "tanh?",
                          mistakes: [.init(value: 0.7, explanation: "that is a_1")]),
        CheckableQuantity(name: "dL/dyhat_1", value: 0, formula: "∂L/∂ŷ_1 = 0", dependencies: ["h_1"], question: "zero?"),
        CheckableQuantity(name: "L", value: 2, formula: "L = 2", dependencies: ["h_1"], question: "sum?"),
    ]

    @Test func toleranceIsOneUnitInTheLastPrintedDigit() {
        #expect(AnswerCheck.tolerance(for: 0.6956, digits: 4) == 1e-4)
        #expect(AnswerCheck.tolerance(for: -0.04658, digits: 4) == 1.0000000000000001e-05)
        #expect(AnswerCheck.tolerance(for: 8, digits: 4) == 0.001)
        #expect(AnswerCheck.tolerance(for: 0, digits: 4) == 1e-4)
    }

    @Test func roundedAndOffByOneAnswersPassButTwoUnitsFail() throws {
        let pass = try AnswerCheck(quantities: quantities, answers: [("h_1", 0.6044), ("a_1", 0.7001)], digits: 4)
        #expect(pass.firstWrong == nil)
        let fail = try AnswerCheck(quantities: quantities, answers: [("h_1", 0.6046)], digits: 4)
        #expect(fail.firstWrong?.name == "h_1")
    }

    @Test func theFirstWrongIsTheEarliestInDependencyOrderNotInTheOrderGiven() throws {
        let result = try AnswerCheck(quantities: quantities, answers: [("L", 3), ("h_1", 0.7)], digits: 4)
        #expect(result.verdicts.map(\.name) == ["h_1", "L"])
        #expect(result.firstWrong?.name == "h_1")
        #expect(result.explanation == "h_1 is wrong: you gave 0.7, exact 0.6044; h_1 = tanh(a_1), a_1 = 0.7 — that is a_1")
        #expect(result.consequences == ["L"])
    }

    @Test func namesAreForgiving() throws {
        for name in ["dL/dyhat_1", "∂L/∂ŷ_1", "dyhat1", "DL/DYHAT_1", "dL/dy_hat_1"] {
            let result = try AnswerCheck(quantities: quantities, answers: [(name, 0)], digits: 4)
            #expect(result.verdicts.first?.name == "dL/dyhat_1", "\(name)")
        }
    }

    @Test func unknownAndRepeatedNamesAreErrorsWithHints() {
        #expect(throws: LessonError.unknownQuantity(name: "z", valid: ["a_1", "h_1", "dL/dyhat_1", "L"])) {
            try AnswerCheck(quantities: quantities, answers: [("z", 1)], digits: 4)
        }
        #expect(throws: LessonError.duplicateAnswer(name: "h_1")) {
            try AnswerCheck(quantities: quantities, answers: [("h_1", 1), ("h1", 1)], digits: 4)
        }
        #expect(LessonError.duplicateAnswer(name: "h_1").description == "h_1 is given twice; hint: give each quantity once")
    }

    @Test func namesFoldIntoRuns() {
        #expect(AnswerCheck.compactList(["a_1", "h_1", "a_2", "h_2", "a_3", "L", "dL/dh_0", "dL/dh_2", "dL/dh_1"])
            == ["a_1…a_3", "h_1…h_2", "L", "dL/dh_0…dL/dh_2"])
        #expect(AnswerCheck.compactList(["x_1", "x_3"]) == ["x_1, x_3"])
    }

    @Test func theReportListsEveryAnswer() throws {
        let result = try AnswerCheck(quantities: quantities, answers: [("a_1", 0.7), ("L", 2)], digits: 4)
        #expect(result.text() == """
            Check (4 significant digits, ±1 in the last):
              quantity  yours  exact
              --------  -----  -----  -----
              a_1         0.7    0.7  right
              L             2      2  right
            All 2 are right.

            """)
    }
}
