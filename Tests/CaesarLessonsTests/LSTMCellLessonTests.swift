import Testing

@testable import CaesarLessons

@Suite struct LSTMCellLessonTests {
    static func configuration(_ g: LSTMCellGolden) -> LSTMCellLesson.Configuration {
        let (H, D) = (g.hiddenSize, g.inputSize)
        let shape = LSTMCellParameters { _ in
            LSTMGateWeights(w: VectorMath.zeros(H, D), u: VectorMath.zeros(H, H), b: [Double](repeating: 0, count: H))
        }
        return LSTMCellLesson.Configuration(
            x: g.x, y: g.y, parameters: shape.replacing(with: g.weights), h0: g.h0, c0: g.c0, loss: SquaredLoss(rawValue: g.loss)!)
    }

    @Test(arguments: LSTMCellGolden.cases.map(\.name))
    func everyValueMatchesTheHighPrecisionReference(_ name: String) throws {
        let g = LSTMCellGolden.cases.first { $0.name == name }!
        let lesson = try LSTMCellLesson(Self.configuration(g))
        let rows = { (values: [[Double]], expected: [[Double]]) in close(Array(values.joined()), Array(expected.joined())) }
        #expect(rows(lesson.forward.map(\.gates.i), g.i))
        #expect(rows(lesson.forward.map(\.gates.f), g.f))
        #expect(rows(lesson.forward.map(\.gates.g), g.g))
        #expect(rows(lesson.forward.map(\.gates.o), g.o))
        #expect(rows(lesson.forward.map(\.c), g.c))
        #expect(rows(lesson.forward.map(\.h), g.h))
        #expect(close(lesson.forward.map(\.loss), g.stepLoss))
        #expect(close(lesson.totalLoss, g.totalLoss))
        #expect(rows(lesson.backward.map(\.dH), g.dH))
        #expect(rows(lesson.backward.map(\.dC), g.dC))
        #expect(close(lesson.dH0, g.dH0) && close(lesson.dC0, g.dC0))
        #expect(close(lesson.gradient.flattened, g.gradient, 1e-11))
        #expect(rows(lesson.cellPath, g.cellPath))
        #expect(lesson.finiteDifferenceCheck.agrees)
    }

    @Test func theForgetGatePathIsTheCarryOfTheCellState() throws {
        let lesson = try LSTMCellLesson(.lessonDefaults)
        for t in 0..<2 {
            let next = lesson.backward[t + 1], forward = lesson.forward[t + 1]
            #expect(lesson.backward[t].dCFromNext == VectorMath.multiply(forward.gates.f, next.dC))
            #expect(close(lesson.backward[t].dC, VectorMath.add(lesson.backward[t].dCFromH, lesson.backward[t].dCFromNext), 1e-15))
        }
        #expect(lesson.backward[2].dCFromNext == [0])
        #expect(lesson.backward[0].dGates.f == [0])  // c_0 = 0: nothing for the forget gate to scale
    }

    @Test func cellPathIsTheProductOfForgetGates() throws {
        let lesson = try LSTMCellLesson(.lessonDefaults)
        let f = lesson.forward.map { $0.gates.f[0] }
        #expect(lesson.cellPath.map { $0[0] } == [f[2], f[2] * f[1], f[2] * f[1] * f[0]])
    }

    @Test func randomWeightsAreSeededAndBounded() {
        let a = LSTMCellParameters.random(inputSize: 3, hiddenSize: 4, seed: 7)
        #expect(a == LSTMCellParameters.random(inputSize: 3, hiddenSize: 4, seed: 7))
        #expect(a != LSTMCellParameters.random(inputSize: 3, hiddenSize: 4, seed: 8))
        #expect(a.flattened.count == 4 * (4 * 3 + 4 * 4 + 4))
        #expect(a.flattened.allSatisfy { abs($0) < 0.5 })  // 1/√4
        #expect(a.inputSize == 3 && a.hiddenSize == 4)
    }

    @Test func flattenedNamesFollowTheFlattenedOrder() {
        let names = LSTMCellParameters.lessonDefaults.flattenedNames
        #expect(names.prefix(4) == ["W_i[0,0]", "U_i[0,0]", "b_i[0]", "W_f[0,0]"])
        let p = LSTMCellParameters.random(inputSize: 2, hiddenSize: 2, seed: 1)
        #expect(p.replacing(with: p.flattened) == p)
    }

    @Test func theTextShowsGatesPathsAndTheCheck() throws {
        let text = try LSTMCellLesson(.lessonDefaults).text(digits: 4)
        #expect(text.contains("  1    1  0.6225   0.832  0.6044    0.69  0.3762   0.248  0.5  0.03176\n"))
        // The backward pass in two tables: the h_t path, then the c_t path.
        #expect(text.contains("  2    -0.2138    -0.03154    -0.2453\n"))
        #expect(text.contains("  2                    -0.112               -0.07645    -0.1884\n"))
        #expect(text.contains("  0  f_3⊙f_2⊙f_1     0.5526\n"))
        #expect(text.contains("check: central finite differences (step 1e-5) agree to within"))
        #expect(LSTMCellLesson.matrix([[0.5, -1], [2, 0.25]], digits: 3) == "[0.5, -1; 2, 0.25]")
    }
}
