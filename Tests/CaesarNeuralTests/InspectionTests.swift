import CaesarRandom
import Foundation
import Testing

@testable import CaesarNeural

/// The windows into a network for learners: hidden states and gradient flow.
@Suite struct InspectionTests {
    static let architecture = Architecture(cell: .rnn, inputSize: 5, hiddenSize: 3, outputSize: 4)

    @Test func hiddenStatesAreTheLayerOutputs() {
        // Without recurrence (W_hh = 0), h_t = tanh(W_ih[:, x_t] + b_ih + b_hh) exactly.
        var model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 1, threads: 1)
        model.parameters["rnn.weight_hh_l0"] = [Double](repeating: 0, count: 9)
        let batch = SequenceBatch(sequences: [[0, 3, 1], [4, 4, 2]])
        let states = model.hiddenStates(batch)
        #expect(states.count == 1 && states[0].rows == 6 && states[0].columns == 3)
        let w = model.parameters["rnn.weight_ih_l0"], bi = model.parameters["rnn.bias_ih_l0"], bh = model.parameters["rnn.bias_hh_l0"]
        for (r, token) in batch.inputs.enumerated() {
            for j in 0..<3 {
                #expect(abs(states[0][r, j] - tanh(w[j * 5 + Int(token)] + bi[j] + bh[j])) < 1e-15)
            }
        }
        model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 1, threads: 2)  // no lingering state
        #expect(model.hiddenStates(batch)[0].rows == 6)
    }

    @Test func gradientNormsFlowBackFromTheLossStepOnly() {
        let batch = SequenceBatch(sequences: [[0, 3, 1, 2, 4, 0]], targets: [[1, 2, 3, 0, 1, 2]])
        let model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 2, threads: 1)
        let norms = model.gradientNormsThroughTime(batch, lossAt: 3)
        #expect(norms.count == 6)
        #expect(norms[3] > 0 && norms[0] > 0)
        #expect(norms[4] == 0 && norms[5] == 0)  // after the loss step nothing flows
        // Without recurrence nothing reaches earlier steps.
        model.parameters["rnn.weight_hh_l0"] = [Double](repeating: 0, count: 9)
        let cut = model.gradientNormsThroughTime(batch, lossAt: 3)
        #expect(cut[0] == 0 && cut[1] == 0 && cut[2] == 0 && cut[3] > 0)
        // ‖∂L_3/∂h_3‖ is the norm of ∂L/∂logits·W_out for that one step.
        let full = ManyToManyModel<Double>(architecture: Self.architecture, parameters: model.parameters, threads: 1)
        var probabilities = full.logits(batch).row(3)
        let top = probabilities.max()!
        probabilities = probabilities.map { exp($0 - top) }
        let total = probabilities.reduce(0, +)
        var dLogits = probabilities.map { $0 / total }
        dLogits[0] -= 1  // the target at step 3 is class 0
        let wOut = full.parameters["out.weight"]
        let dh = (0..<3).map { j in (0..<4).reduce(0.0) { $0 + dLogits[$1] * wOut[$1 * 3 + j] } }
        #expect(abs(cut[3] - sqrt(dh.map { $0 * $0 }.reduce(0, +))) < 1e-12)
    }

    @Test func probabilitiesAreTheSoftmaxOfTheLogits() {
        let model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 3, threads: 2)
        let batch = SequenceBatch(sequences: [[0, 3, 1], [4, 4, 2]])
        let logits = model.logits(batch), probabilities = model.probabilities(batch)
        #expect(probabilities.rows == 6 && probabilities.columns == 4)
        for r in 0..<6 {
            let z = logits.row(r), total = z.map { exp($0) }.reduce(0, +)
            for k in 0..<4 { #expect(abs(probabilities[r, k] - exp(z[k]) / total) < 1e-15) }
        }
        let argmax = (0..<6).map { r in Int32(probabilities.row(r).firstIndex(of: probabilities.row(r).max()!)!) }
        #expect(argmax == model.predictions(batch))
    }

    /// Predictions are taken worker by worker; split unevenly (2 and 3 sequences), each step
    /// of each sequence still lands in its place.
    @Test func predictionsAreTheArgmaxOfTheLogitsInBatchOrder() {
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 5, threads: 2)
        let batch = SequenceBatch(sequences: (0..<5).map { s in (0..<7).map { Int32(($0 * 3 + s * 5) % 4) } })
        let logits = model.logits(batch)
        let argmax = (0..<logits.rows).map { r in Int32(logits.row(r).firstIndex(of: logits.row(r).max()!)!) }
        #expect(model.predictions(batch) == argmax)
    }
}
