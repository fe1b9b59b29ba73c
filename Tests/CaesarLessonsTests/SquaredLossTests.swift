import Testing

@testable import CaesarLessons

@Suite struct SquaredLossTests {
    @Test func theFourForms() {
        // ŷ = 4, y = 5 over n = 2 predictions.
        #expect(SquaredLoss.halfSum.term(prediction: 4, target: 5, count: 2) == 0.5)
        #expect(SquaredLoss.sum.term(prediction: 4, target: 5, count: 2) == 1)
        #expect(SquaredLoss.halfMean.term(prediction: 4, target: 5, count: 2) == 0.25)
        #expect(SquaredLoss.mean.term(prediction: 4, target: 5, count: 2) == 0.5)
        #expect(SquaredLoss.allCases.map { $0.gradient(prediction: 4, target: 5, count: 2) } == [-1, -2, -0.5, -1])
    }

    @Test func formulasAndNames() {
        #expect(SquaredLoss(rawValue: "half-mean") == .halfMean)
        #expect(SquaredLoss.halfSum.termFormula(prediction: "ŷ_t", target: "y_t", count: "T") == "½(ŷ_t − y_t)²")
        #expect(SquaredLoss.mean.gradientFormula(prediction: "ŷ_t", target: "y_t", count: "3") == "2(ŷ_t − y_t)/3")
    }
}
