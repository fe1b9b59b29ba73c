import CaesarRandom
import Testing

@testable import CaesarNeural

/// One direction of one layer over T steps, started from a given state and handing its final
/// state on: BPTT against central differences of
///
///     L = Σ r ⊙ h_t (every step) + Σ r_h ⊙ h_final + Σ r_c ⊙ c_final,
///
/// so ∂L/∂output = r arrives from above and ∂L/∂(final state) = (r_h, r_c) from beyond the
/// last step. Checks ∂L/∂h₀, ∂L/∂c₀, ∂L/∂x and every weight, for both cells and both directions.
@Suite struct RecurrentDirectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let cell: CellKind
        let reversed: Bool
        var testDescription: String { "\(cell)\(reversed ? " reversed" : "")" }
    }

    static let cases = [Case(cell: .rnn, reversed: false), Case(cell: .rnn, reversed: true),
                        Case(cell: .lstm, reversed: false), Case(cell: .lstm, reversed: true)]

    static let T = 4, B = 2, inputSize = 3, H = 3

    /// Everything the loss depends on, flat: parameters, x, h₀, c₀.
    struct Point {
        var parameters: [Double], x: [Double], h0: [Double], c0: [Double]
    }

    /// Runs forward from `point`, then (with `backward`) BPTT; returns L and, with `backward`,
    /// its gradient with respect to every entry of the point.
    static func run(_ c: Case, _ point: Point, r: [Double], rh: [Double], rc: [Double], backward: Bool) -> (Double, Point?) {
        let T = Self.T, B = Self.B, H = Self.H, G = c.cell.gatesPerUnit * H, n = T * B, lstm = c.cell == .lstm
        let layout = ParameterLayout([("w_ih", [G, inputSize]), ("w_hh", [G, H]), ("b_ih", [G]), ("b_hh", [G])])
        let direction = RecurrentDirection(
            cell: c.cell, inputSize: inputSize, hiddenSize: H, reversed: c.reversed, weightIH: layout.entry("w_ih"),
            weightHH: layout.entry("w_hh"), biasIH: layout.entry("b_ih"), biasHH: layout.entry("b_hh"))
        func buffer(_ values: [Double]) -> Buffer<Double> {
            let b = Buffer<Double>(count: values.count)
            for (k, v) in values.enumerated() { b.base[k] = v }
            return b
        }
        let p = buffer(point.parameters), x = buffer(point.x), h0 = buffer(point.h0), c0 = buffer(point.c0)
        let gates = Buffer<Double>(count: n * G), cells = Buffer<Double>(count: n * H), tanhCells = Buffer<Double>(count: n * H)
        let output = Buffer<Double>(count: n * H)
        let cache = DirectionCache(
            gates: gates.view(rows: n, columns: G), cells: lstm ? cells.view(rows: n, columns: H) : nil,
            tanhCells: lstm ? tanhCells.view(rows: n, columns: H) : nil, output: output.view(rows: n, columns: H))
        let initial = RecurrentState(h: h0.view(rows: B, columns: H), c: lstm ? c0.view(rows: B, columns: H) : nil)
        let input = LayerInput<Double>.dense(x.view(rows: n, columns: inputSize))
        direction.forward(input: input, parameters: p.base, steps: T, batch: B, cache: cache, initial: initial)

        // L from the outputs and the final state (the last processed step).
        let last = direction.time(T - 1, steps: T)
        var loss = 0.0
        for k in 0..<(n * H) { loss += r[k] * output.base[k] }
        for b in 0..<B {
            for j in 0..<H {
                loss += rh[b * H + j] * cache.output[last * B + b, j]
                if lstm { loss += rc[b * H + j] * cache.cells![last * B + b, j] }
            }
        }
        guard backward else { return (loss, nil) }

        let g = Buffer<Double>(count: layout.totalCount), dx = Buffer<Double>(count: n * inputSize)
        let dOutput = buffer(r), dhFinal = buffer(rh), dcFinal = buffer(rc)
        let dh0 = Buffer<Double>(count: B * H), dc0 = Buffer<Double>(count: B * H)
        let scratch = [Buffer<Double>(count: n * G), Buffer<Double>(count: B * H), Buffer<Double>(count: B * H), Buffer<Double>(count: B * H)]
        direction.backward(
            input: input, parameters: p.base, gradients: g.base, steps: T, batch: B, cache: cache,
            dOutput: dOutput.view(rows: n, columns: H), carry: [Double](repeating: 1, count: T),
            scratch: DirectionScratch(dGates: scratch[0].view(rows: n, columns: G), dh: scratch[1].view(rows: B, columns: H),
                                      dhNext: scratch[2].view(rows: B, columns: H), dcNext: scratch[3].view(rows: B, columns: H)),
            dInput: dx.view(rows: n, columns: inputSize), dWeightIHTransposed: nil, initial: initial,
            dFinal: RecurrentState(h: dhFinal.view(rows: B, columns: H), c: lstm ? dcFinal.view(rows: B, columns: H) : nil),
            dInitial: RecurrentState(h: dh0.view(rows: B, columns: H), c: lstm ? dc0.view(rows: B, columns: H) : nil))
        func values(_ b: Buffer<Double>) -> [Double] { Array(UnsafeBufferPointer(start: b.base, count: b.count)) }
        return withExtendedLifetime([gates, cells, tanhCells, output]) {
            (loss, Point(parameters: values(g), x: values(dx), h0: values(dh0), c0: lstm ? values(dc0) : [Double](repeating: 0, count: B * H)))
        }
    }

    @Test(arguments: cases)
    func stateHandOverMatchesFiniteDifferences(_ c: Case) {
        var rng = SeededGenerator(seed: 7)
        func random(_ count: Int, _ scale: Float = 1) -> [Double] { (0..<count).map { _ in Double(rng.uniformFloat(in: -scale, scale)) } }
        let G = c.cell.gatesPerUnit * Self.H, n = Self.T * Self.B, BH = Self.B * Self.H
        let point = Point(parameters: random(G * Self.inputSize + G * Self.H + 2 * G, 0.8), x: random(n * Self.inputSize),
                          h0: random(BH), c0: random(BH))
        let r = random(n * Self.H), rh = random(BH), rc = random(BH)
        let analytic = Self.run(c, point, r: r, rh: rh, rc: rc, backward: true).1!

        func check(_ path: WritableKeyPath<Point, [Double]>, _ name: String) {
            for k in 0..<point[keyPath: path].count {
                func loss(_ delta: Double) -> Double {
                    var moved = point
                    moved[keyPath: path][k] += delta
                    return Self.run(c, moved, r: r, rh: rh, rc: rc, backward: false).0
                }
                let h = 1e-5, numerical = (loss(h) - loss(-h)) / (2 * h), a = analytic[keyPath: path][k]
                #expect(abs(a - numerical) / max(abs(a), abs(numerical), 1e-6) < 1e-6, "\(c) ∂L/∂\(name)[\(k)]: analytic \(a), numerical \(numerical)")
            }
        }
        check(\.parameters, "θ")
        check(\.x, "x")
        check(\.h0, "h₀")
        if c.cell == .lstm { check(\.c0, "c₀") }
        // The initial state matters: without it, ∂L/∂h₀ would be zero.
        #expect(analytic.h0.contains { abs($0) > 1e-3 })
    }
}
