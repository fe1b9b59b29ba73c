import Testing

@testable import CaesarLessons

@Suite struct ActivationTests {
    @Test func valuesAndDerivatives() {
        #expect(Activation.tanh(0.7) == 0.6043677771171636)
        #expect(Activation.sigmoid(0) == 0.5 && Activation.sigmoid.derivative(at: 0) == 0.25)
        #expect(Activation.relu(-2) == 0 && Activation.relu(3) == 3)
        #expect(Activation.relu.derivative(at: 0) == 0 && Activation.relu.derivative(at: 1e-300) == 1)
        #expect(Activation.identity(-4) == -4 && Activation.identity.derivative(at: 9) == 1)
        #expect(Activation.tanh.derivative(at: 0) == 1)
    }

    @Test(arguments: Activation.allCases, [-2.5, -0.3, 0.4, 1.7])
    func derivativeMatchesCentralDifferences(_ phi: Activation, _ a: Double) {
        let e = 1e-6
        #expect(close(phi.derivative(at: a), (phi(a + e) - phi(a - e)) / (2 * e), 1e-8))
    }

    @Test func formulas() {
        #expect(Activation.tanh.applied(to: "a_3") == "tanh(a_3)")
        #expect(Activation.identity.applied(to: "a_3") == "a_3")
        #expect(Activation.tanh.derivativeFormula(output: "h_3", input: "a_3") == "(1 − h_3²)")
        #expect(Activation.sigmoid.derivativeFormula(output: "h_3", input: "a_3") == "h_3·(1 − h_3)")
        #expect(Activation.relu.derivativeFormula(output: "h_3", input: "a_3") == "[a_3 > 0]")
    }
}
