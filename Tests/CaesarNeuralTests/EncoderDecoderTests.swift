import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct EncoderDecoderTests {
    static let architecture = Architecture(cell: .lstm, inputSize: 7, hiddenSize: 3, layers: 2, bidirectional: true, outputSize: 6, setup: .encoderDecoder)

    /// Targets begin with the start token 4.
    static func batch(size: Int, steps: Int, seed: UInt64) -> SequenceBatch {
        var rng = SeededGenerator(seed: seed)
        let sequences = (0..<size).map { _ in (0..<steps).map { _ in Int32(rng.uniformInt(below: 7)) } }
        let targets = (0..<size).map { _ in [4] + (1..<steps).map { _ in Int32(rng.uniformInt(below: 6)) } }
        return SequenceBatch(sequences: sequences, targets: targets, ignoredTarget: 3)
    }

    @Test func parametersAreNamedAsPyTorchsModules() {
        let layout = ParameterLayout(Self.architecture)
        #expect(layout.entries.map(\.name).filter { $0.hasSuffix("l0") || $0.hasPrefix("out") } == [
            "encoder.weight_ih_l0", "encoder.weight_hh_l0", "encoder.bias_ih_l0", "encoder.bias_hh_l0",
            "decoder.weight_ih_l0", "decoder.weight_hh_l0", "decoder.bias_ih_l0", "decoder.bias_hh_l0", "out.weight", "out.bias",
        ])
        #expect(layout["encoder.weight_ih_l1_reverse"]!.shape == [12, 6])
        #expect(layout["decoder.weight_ih_l0"]!.shape == [24, 6])  // nn.LSTM(O = 6, D = 6)
        #expect(layout["decoder.weight_hh_l1"]!.shape == [24, 6])
        #expect(layout["out.weight"]!.shape == [6, 6])
        #expect(layout["decoder.weight_ih_l0_reverse"] == nil)
    }

    /// Greedy decoding one step at a time gives the same logits as teacher forcing with its
    /// own output: the state is carried from step to step exactly.
    @Test func greedyDecodingIsTeacherForcingOnItsOwnOutput() {
        let model = EncoderDecoder<Double>(architecture: Self.architecture, seed: 1, threads: 2)
        var batch = Self.batch(size: 3, steps: 5, seed: 2)
        let decoded = model.greedyDecode(batch, start: 4, end: 5, maximumLength: 3)
        #expect(decoded.count == 3)
        for (b, output) in decoded.enumerated() {
            // Teacher-forced on [start] + output + [end] (padded to the input's 5 steps with the
            // ignored 3): every step's argmax is the next token, then [end].
            let targets = [4] + output + [5] + [Int32](repeating: 3, count: 3 - output.count)
            let alone = SequenceBatch(sequences: [Array(batch.sequences(b..<(b + 1)).inputs)], targets: [targets], ignoredTarget: 3)
            let logits = model.logits(alone)
            for t in 0..<(output.count < 3 ? output.count + 1 : 3) {  // [end] only if it stopped early
                let row = logits.row(t)
                let best = Int32(row.indices.max { row[$0] < row[$1] }!)
                #expect(best == (t < output.count ? output[t] : 5), "sequence \(b) step \(t)")
            }
        }
        batch.targets = []
        #expect(model.greedyDecode(batch, start: 4, end: 5, maximumLength: 0) == [[], [], []])
        #expect(model.greedyDecode(batch, start: 4, end: 99, maximumLength: 7).allSatisfy { $0.count == 7 })
    }

    /// The loss is the mean of the negative log-likelihoods over the counted targets.
    @Test func logLikelihoodsAddUpToTheLoss() {
        let model = EncoderDecoder<Double>(architecture: Self.architecture, seed: 3, threads: 2)
        let batch = Self.batch(size: 4, steps: 6, seed: 4)
        let counted = Double(batch.countedTargets(fromStep: 1))
        #expect(counted < 20)  // some targets are the ignored 3
        let total = model.logLikelihoods(batch).reduce(0, +)
        #expect(abs(model.loss(batch) + total / counted) < 1e-12)
        #expect(abs(model.lossAndGradients(batch) + total / counted) < 1e-12)
    }

    /// The decoder sees the input only through the handover: with its W_hh zero, an RNN
    /// decoder ignores the input entirely, while an LSTM decoder still reads c₀.
    @Test(arguments: [CellKind.rnn, .lstm])
    func theDecoderReadsTheInputOnlyThroughTheEncodersFinalStates(cell: CellKind) {
        var architecture = Self.architecture
        architecture.cell = cell
        let model = EncoderDecoder<Double>(architecture: architecture, seed: 5, threads: 1)
        let batch = Self.batch(size: 1, steps: 5, seed: 6)
        var changed = batch
        changed.inputs[2] = (batch.inputs[2] + 1) % 7
        #expect(model.logits(changed) != model.logits(batch))
        for name in ["decoder.weight_hh_l0", "decoder.weight_hh_l1"] {
            model.parameters[name] = [Double](repeating: 0, count: model.parameters[name].count)
        }
        #expect((model.logits(changed) == model.logits(batch)) == (cell == .rnn))
    }

    /// Each sequence's values depend neither on the others nor on the thread count, to rounding
    /// (the workers' parts reach BLAS in products of other shapes; see KeyClassifierTests).
    @Test func sequencesAreIndependentOfTheirBatchAndThreads() {
        let model = EncoderDecoder<Double>(architecture: Self.architecture, seed: 7, threads: 2)
        let batch = Self.batch(size: 5, steps: 4, seed: 8)
        let together = model.logits(batch), decoded = model.greedyDecode(batch, start: 4, end: 5, maximumLength: 6)
        model.threads = 1
        for (a, e) in zip(model.logits(batch).values, together.values) { #expect(abs(a - e) < 1e-12) }
        #expect(model.greedyDecode(batch, start: 4, end: 5, maximumLength: 6) == decoded)
        for b in 0..<5 {
            let alone = model.logits(batch.sequences(b..<(b + 1)))
            for t in 0..<3 {  // a batch of one takes the vector kernel: equal to rounding
                for (a, e) in zip(alone.row(t), together.row(t * 5 + b)) { #expect(abs(a - e) < 1e-12) }
            }
        }
    }
}
