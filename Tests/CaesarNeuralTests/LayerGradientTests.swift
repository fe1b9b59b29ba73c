import CaesarRandom
import Testing

@testable import CaesarNeural

/// Each layer on its own: backward against central differences of a random linear
/// functional of its outputs, L = Σ r ⊙ output, so ∂L/∂output = r.
@Suite struct LayerGradientTests {
    static func random(_ count: Int, _ rng: inout SeededGenerator, scale: Float = 1) -> [Double] {
        (0..<count).map { _ in Double(rng.uniformFloat(in: -scale, scale)) }
    }

    /// Central difference of `f` with respect to `x[k]`.
    static func numerical(_ x: inout [Double], _ k: Int, _ f: ([Double]) -> Double) -> Double {
        let h = 1e-5, saved = x[k]
        x[k] = saved + h
        let up = f(x)
        x[k] = saved - h
        let down = f(x)
        x[k] = saved
        return (up - down) / (2 * h)
    }

    static func expectClose(_ a: Double, _ n: Double, _ what: String) {
        #expect(abs(a - n) / max(abs(a), abs(n), 1e-6) < 1e-6, "\(what): analytic \(a), numerical \(n)")
    }

    /// A (rows, columns) scratch matrix filled with `values`.
    static func matrix(_ values: [Double], _ rows: Int, _ columns: Int) -> (Buffer<Double>, MatrixView<Double>) {
        let buffer = Buffer<Double>(count: rows * columns)
        for (k, v) in values.enumerated() { buffer.base[k] = v }
        return (buffer, buffer.view(rows: rows, columns: columns))
    }

    static func values(_ view: MatrixView<Double>) -> [Double] {
        Array(UnsafeBufferPointer(start: view.base, count: view.rows * view.columns))
    }

    @Test func lstmCell() {
        var rng = SeededGenerator(seed: 3)
        let B = 2, H = 3
        var a = Self.random(B * 4 * H, &rng, scale: 2), cPrevious = Self.random(B * H, &rng)
        let rh = Self.random(B * H, &rng), rc = Self.random(B * H, &rng)
        let zeros = [Double](repeating: 0, count: B * H)

        /// Runs the cell; returns its buffers (gates, c, tanh c, h) for backward.
        func forward(_ a: [Double], _ cPrevious: [Double]) -> [(Buffer<Double>, MatrixView<Double>)] {
            let gates = Self.matrix(a, B, 4 * H), previous = Self.matrix(cPrevious, B, H)
            let c = Self.matrix(zeros, B, H), tanhC = Self.matrix(zeros, B, H), h = Self.matrix(zeros, B, H)
            LSTMCell.forward(gates: gates.1, cPrevious: previous.1, c: c.1, tanhC: tanhC.1, h: h.1)
            return [gates, previous, c, tanhC, h]
        }
        // L = Σ rh ⊙ h + Σ rc ⊙ c
        func loss(_ a: [Double], _ cPrevious: [Double]) -> Double {
            let run = forward(a, cPrevious)
            let (h, c) = withExtendedLifetime(run) { (Self.values(run[4].1), Self.values(run[2].1)) }
            let hPart = zip(rh, h).map(*).reduce(0, +)
            return hPart + zip(rc, c).map(*).reduce(0, +)
        }
        // Analytic: backward with ∂L/∂h = rh and ∂L/∂c arriving as rc.
        let run = forward(a, cPrevious)
        let dh = Self.matrix(rh, B, H), dc = Self.matrix(rc, B, H), dGates = Self.matrix(zeros + zeros + zeros + zeros, B, 4 * H)
        withExtendedLifetime(run) {
            LSTMCell.backward(dh: dh.1, dc: dc.1, gates: run[0].1, cPrevious: run[1].1, tanhC: run[3].1, dGates: dGates.1)
        }

        let analyticGates = Self.values(dGates.1), analyticPrevious = Self.values(dc.1)
        let fixedPrevious = cPrevious, fixedA = a
        for k in 0..<a.count {
            Self.expectClose(analyticGates[k], Self.numerical(&a, k) { loss($0, fixedPrevious) }, "∂L/∂a[\(k)]")
        }
        for k in 0..<cPrevious.count {
            Self.expectClose(analyticPrevious[k], Self.numerical(&cPrevious, k) { loss(fixedA, $0) }, "∂L/∂c₋₁[\(k)]")
        }
    }

    @Test func rnnCell() {
        var rng = SeededGenerator(seed: 4)
        let B = 2, H = 3
        var a = Self.random(B * H, &rng, scale: 2)
        let r = Self.random(B * H, &rng)
        func forward(_ a: [Double]) -> [Double] {
            let pre = Self.matrix(a, B, H), h = Self.matrix([Double](repeating: 0, count: B * H), B, H)
            RNNCell.forward(preactivation: pre.1, h: h.1)
            return Self.values(h.1)
        }
        let h = Self.matrix(forward(a), B, H), dh = Self.matrix(r, B, H), da = Self.matrix([Double](repeating: 0, count: B * H), B, H)
        RNNCell.backward(dh: dh.1, h: h.1, dPreactivation: da.1)
        let analytic = Self.values(da.1)
        for k in 0..<a.count {
            Self.expectClose(analytic[k], Self.numerical(&a, k) { zip(r, forward($0)).map(*).reduce(0, +) }, "∂L/∂a[\(k)]")
        }
    }

    @Test func softmaxCrossEntropy() {
        var rng = SeededGenerator(seed: 5)
        let N = 4, O = 5
        var z = Self.random(N * O, &rng, scale: 3)
        let targets: [Int32] = [0, 4, 2, 2]
        func loss(_ z: [Double], ignored: Int32? = nil) -> (Double, [Double]) {
            var copy = z
            let sum = copy.withUnsafeMutableBufferPointer { zb in targets.withUnsafeBufferPointer { t in
                SoftmaxCrossEntropy.lossAndGradient(logits: MatrixView(zb.baseAddress!, rows: N, columns: O), targets: t.baseAddress!, ignored: ignored, scale: 1).sum
            } }
            return (sum, copy)
        }
        let gradient = loss(z).1
        for k in 0..<z.count {
            Self.expectClose(gradient[k], Self.numerical(&z, k) { loss($0).0 }, "∂L/∂z[\(k)]")
        }
        // An ignored target contributes neither loss nor gradient.
        let (ignoredSum, ignoredGradient) = loss(z, ignored: 2)
        #expect(ignoredGradient[(2 * O)..<(4 * O)].allSatisfy { $0 == 0 })
        #expect(abs(ignoredSum - (loss(Array(z[0..<(2 * O)]) + [Double](repeating: 0, count: 2 * O), ignored: 2).0)) < 1e-12)
        // Rows of p − onehot sum to zero.
        for r in 0..<N { #expect(abs(gradient[(r * O)..<((r + 1) * O)].reduce(0, +)) < 1e-12) }
    }
}
