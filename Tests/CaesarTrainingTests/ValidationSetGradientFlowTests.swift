import CaesarNeural
import Foundation
import Testing

@testable import CaesarTraining

/// ‖∂L_t/∂h_{t−d}‖ measured by BPTT against the chain rule written out by hand.
@Suite struct ValidationSetGradientFlowTests {
    /// For a one-layer RNN, h_j = tanh(a_j) and a_j = … + W_hh·h_{j−1}, so
    /// ∂L_t/∂h_{j−1} = (∂L_t/∂h_j ⊙ (1 − h_j²))·W_hh, starting from
    /// ∂L_t/∂h_t = (softmax(z_t) − onehot(y_t))·W_out (the forward direction's columns).
    static func byHand(model: ManyToManyModel<Double>, window: SequenceBatch, lossAt t: Int) -> [Double] {
        let a = model.architecture, H = a.hiddenSize, D = a.layerOutputSize, O = a.outputSize
        let h = model.hiddenStates(window)[0]  // (T, D); the forward direction is columns 0..<H
        let z = model.logits(window).row(t)
        let top = z.max()!, e = z.map { exp($0 - top) }, total = e.reduce(0, +)
        var dz = e.map { $0 / total }
        dz[Int(window.targets[t])] -= 1
        let wOut = model.parameters["out.weight"], wHH = model.parameters["rnn.weight_hh_l0"]
        var dh = (0..<H).map { j in (0..<O).reduce(0.0) { $0 + dz[$1] * wOut[$1 * D + j] } }
        var norms = [sqrt(dh.reduce(0) { $0 + $1 * $1 })]
        for step in stride(from: t, to: 0, by: -1) {
            let da = (0..<H).map { j in dh[j] * (1 - h[step, j] * h[step, j]) }
            dh = (0..<H).map { k in (0..<H).reduce(0.0) { $0 + da[$1] * wHH[$1 * H + k] } }
            norms.append(sqrt(dh.reduce(0) { $0 + $1 * $1 }))
        }
        return norms
    }

    @Test(arguments: [
        (UInt64(1), 5, false, KeySchedule.fixed(3), 10),
        (2, 8, false, .any, 14),
        (3, 4, true, .any, 9),
        (4, 12, true, .fixed(0), 6),
    ])
    func bpttNormsAreTheChainRuleByHand(seed: UInt64, hidden: Int, bidirectional: Bool, key: KeySchedule, length: Int) throws {
        let architecture = Architecture(cell: .rnn, inputSize: 31, hiddenSize: hidden, bidirectional: bidirectional, outputSize: 31)
        let model = ManyToManyModel<Double>(architecture: architecture, seed: seed, threads: 1)
        let windows = try ValidationSet(stream: Fixtures.text, contentLength: length, count: 3, key: key)
        let measured = windows.gradientNormsByDistance(of: model)
        #expect(measured.count == 3 && measured.allSatisfy { $0.count == length + 1 })
        for b in 0..<3 {
            let expected = Self.byHand(model: model, window: windows.batch.sequences(b..<(b + 1)), lossAt: length)
            for (m, e) in zip(measured[b], expected) {
                #expect(abs(m - e) <= 1e-12 * max(1, e), "window \(b): \(m) against \(e)")
            }
        }
    }

    @Test func anLSTMsNormsAreFiniteAndStartAtTheHeadsGradient() throws {
        let model = ManyToManyModel<Double>(architecture: Architecture(cell: .lstm, inputSize: 31, hiddenSize: 6, outputSize: 31), seed: 7, threads: 1)
        let windows = try ValidationSet(stream: Fixtures.text, contentLength: 12, count: 2, key: .any)
        let measured = windows.gradientNormsByDistance(of: model)
        #expect(measured.allSatisfy { $0.count == 13 && $0.allSatisfy { $0.isFinite && $0 > 0 } })
        // d = 0 has no recurrence in it: it is the head's gradient, whatever the cell.
        let window = windows.batch.sequences(0..<1)
        let z = model.logits(window).row(12), e = z.map { exp($0 - z.max()!) }, total = e.reduce(0, +)
        var dz = e.map { $0 / total }
        dz[Int(window.targets[12])] -= 1
        let wOut = model.parameters["out.weight"]
        let dh = (0..<6).map { j in (0..<31).reduce(0.0) { $0 + dz[$1] * wOut[$1 * 6 + j] } }
        #expect(abs(measured[0][0] - sqrt(dh.reduce(0) { $0 + $1 * $1 })) < 1e-13)
    }
}
