import CaesarRandom
import Testing

@testable import CaesarNeural

/// The sixteen-lane LSTM cell against the plain one (``ScalarLSTMCell``), forward and
/// backward: in `Double` they agree to round-off; in `Float` (the polynomial tanh and sigmoid)
/// to a few units of the seventh digit. H = 37 runs two full vectors and a tail of five; the
/// pre-activations reach ±6, where the sigmoid saturates.
@Suite struct LSTMCellReferenceTests {
    static let (rows, H) = (3, 37)

    /// Random pre-activations, previous cells and incoming gradients.
    static func inputs(seed: UInt64) -> (a: [[Double]], cPrevious: [[Double]], dh: [[Double]], dc: [[Double]]) {
        var rng = SeededGenerator(seed: seed)
        func matrix(_ columns: Int, _ scale: Double) -> [[Double]] {
            (0..<rows).map { _ in (0..<columns).map { _ in (rng.uniformDouble() * 2 - 1) * scale } }
        }
        return (matrix(4 * H, 6), matrix(H, 2), matrix(H, 1), matrix(H, 1))
    }

    /// The fast cell's forward and backward in scalar type `S`, on the same inputs, as arrays.
    static func fast<S: NeuralScalar>(_: S.Type, seed: UInt64, withPrevious: Bool) -> (h: [[Double]], c: [[Double]], dA: [[Double]], dcPrevious: [[Double]]) {
        let x = inputs(seed: seed)
        func buffer(_ m: [[Double]]) -> Buffer<S> {
            let columns = m[0].count, b = Buffer<S>(count: rows * columns)
            for r in 0..<rows { for j in 0..<columns { b.base[r * columns + j] = S(m[r][j]) } }
            return b
        }
        func array(_ b: Buffer<S>, _ columns: Int) -> [[Double]] {
            (0..<rows).map { r in (0..<columns).map { Double(b.base[r * columns + $0]) } }
        }
        let gates = buffer(x.a), cPrevious = buffer(x.cPrevious), dh = buffer(x.dh), dc = buffer(x.dc)
        let c = Buffer<S>(count: rows * H), tanhC = Buffer<S>(count: rows * H), h = Buffer<S>(count: rows * H), dGates = Buffer<S>(count: rows * 4 * H)
        let previous = withPrevious ? cPrevious.view(rows: rows, columns: H) : nil
        LSTMCell.forward(gates: gates.view(rows: rows, columns: 4 * H), cPrevious: previous,
                         c: c.view(rows: rows, columns: H), tanhC: tanhC.view(rows: rows, columns: H), h: h.view(rows: rows, columns: H))
        let (hOut, cOut) = (array(h, H), array(c, H))
        LSTMCell.backward(dh: dh.view(rows: rows, columns: H), dc: dc.view(rows: rows, columns: H), gates: gates.view(rows: rows, columns: 4 * H),
                          cPrevious: previous, tanhC: tanhC.view(rows: rows, columns: H), dGates: dGates.view(rows: rows, columns: 4 * H))
        return (hOut, cOut, array(dGates, 4 * H), array(dc, H))
    }

    static func reference(seed: UInt64, withPrevious: Bool) -> (h: [[Double]], c: [[Double]], dA: [[Double]], dcPrevious: [[Double]]) {
        let x = inputs(seed: seed), previous = withPrevious ? x.cPrevious : nil
        let step = ScalarLSTMCell.forward(a: x.a, cPrevious: previous)
        let back = ScalarLSTMCell.backward(dh: x.dh, dc: x.dc, gates: step.gates, cPrevious: previous, tanhC: step.tanhC)
        return (step.h, step.c, back.dA, back.dcPrevious)
    }

    static func largestDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
        zip(a.joined(), b.joined()).map { abs($0 - $1) }.max() ?? 0
    }

    @Test(arguments: [(1, true), (2, false)] as [(UInt64, Bool)])
    func theFastCellIsThePlainOne(seed: UInt64, withPrevious: Bool) {
        let plain = Self.reference(seed: seed, withPrevious: withPrevious)
        for (name, tolerance, fast) in [("Double", 1e-14, Self.fast(Double.self, seed: seed, withPrevious: withPrevious)),
                                        ("Float", 2e-6, Self.fast(Float.self, seed: seed, withPrevious: withPrevious))] {
            #expect(Self.largestDifference(fast.h, plain.h) < tolerance, "\(name) h")
            #expect(Self.largestDifference(fast.c, plain.c) < 4 * tolerance, "\(name) c")
            #expect(Self.largestDifference(fast.dA, plain.dA) < 4 * tolerance, "\(name) ∂L/∂a")
            #expect(Self.largestDifference(fast.dcPrevious, plain.dcPrevious) < 4 * tolerance, "\(name) ∂L/∂c₋₁")
        }
    }
}
