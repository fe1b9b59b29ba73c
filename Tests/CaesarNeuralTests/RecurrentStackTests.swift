import CaesarRandom
import Testing

@testable import CaesarNeural

/// A stack of recurrent layers (what one `nn.LSTM`/`nn.RNN` computes) and the state it hands on.
@Suite struct RecurrentStackTests {
    /// A stack of `architecture`'s shape with PyTorch's initial weights from seed 0, in Double.
    struct Subject {
        let shape: Architecture.Stack
        let stack: RecurrentStack<Double>
        var parameters: [Double]

        init(_ architecture: Architecture) {
            shape = architecture.stacks[0]
            var random = SeededGenerator(seed: 0)
            parameters = Initialization.pytorchDefault(architecture, random: &random, as: Double.self).values
            stack = RecurrentStack(shape, layout: ParameterLayout(architecture))
        }

        /// Runs `tokens` (T·B, time-major) from `initial` (one (B, D) state per layer); returns
        /// the top layer's output (T·B, D) and each layer's final state (B, D), h then c.
        mutating func run(_ tokens: [Int32], steps T: Int, batch B: Int, initial: [[Double]]? = nil) -> (top: [Double], final: [[Double]]) {
            let w = StackWorkspace<Double>(shape, rows: T * B, batch: B)
            let D = shape.outputSize, lstm = shape.cell == .lstm
            let (shape, stack) = (self.shape, self.stack)
            return parameters.withUnsafeMutableBufferPointer { p in
                stack.refreshWeightCopies(p.baseAddress!, forward: true, backward: false)
                let initialBuffers = initial.map { states in
                    states.map { values in
                        let buffer = Buffer<Double>(count: values.count)
                        buffer.base.update(from: values, count: values.count)
                        return buffer
                    }
                }
                let initialStates = initialBuffers?.map { Self.state(in: $0, batch: B, width: D, lstm: lstm) }
                tokens.withUnsafeBufferPointer { t in
                    stack.forward(w, tokens: t.baseAddress!, steps: T, batch: B, parameters: p.baseAddress!, initial: initialStates)
                }
                let top = w.top(rows: T * B)
                let topValues = (0..<(T * B)).flatMap { r in (0..<D).map { top[r, $0] } }
                let finals = (0..<shape.layers).map { l -> [Double] in
                    let buffer = Buffer<Double>(count: (lstm ? 2 : 1) * B * D)
                    stack.finalState(layer: l, w, steps: T, batch: B, into: Self.state(in: buffer, batch: B, width: D, lstm: lstm))
                    return Array(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
                }
                return (topValues, finals)
            }
        }

        /// h (B, D) and, for the LSTM, c (B, D) after it, in one buffer.
        private static func state(in buffer: Buffer<Double>, batch B: Int, width D: Int, lstm: Bool) -> RecurrentState<Double> {
            RecurrentState(h: MatrixView(buffer.base, rows: B, columns: D), c: lstm ? MatrixView(buffer.base + B * D, rows: B, columns: D) : nil)
        }
    }

    static func tokens(steps T: Int, batch B: Int, vocabulary V: Int) -> [Int32] {
        var random = SeededGenerator(seed: 7)
        return (0..<(T * B)).map { _ in Int32(random.uniformInt(below: V)) }
    }

    /// Running T steps at once, or k steps and then the rest from the state the first part
    /// ended in, is the same computation: the state is all a recurrence carries. (Within
    /// round-off: the second layer's input product is one BLAS call over all rows in the one
    /// case and two calls in the other, which BLAS may round differently.)
    @Test(arguments: [CellKind.rnn, .lstm])
    func aRunSplitInTwoContinuesFromItsFinalState(cell: CellKind) {
        let architecture = Architecture(cell: cell, inputSize: 7, hiddenSize: 5, layers: 2, outputSize: 7)
        var subject = Subject(architecture)
        let (T, k, B, D) = (9, 4, 3, 5)
        let tokens = Self.tokens(steps: T, batch: B, vocabulary: 7)
        let whole = subject.run(tokens, steps: T, batch: B)
        let first = subject.run(Array(tokens[..<(k * B)]), steps: k, batch: B)
        let second = subject.run(Array(tokens[(k * B)...]), steps: T - k, batch: B, initial: first.final)
        let joined = first.top + second.top
        #expect(joined.count == T * B * D)
        #expect(zip(joined, whole.top).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(zip(second.final.joined(), whole.final.joined()).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(first.top != Array(whole.top[(k * B * D)...].prefix(k * B * D)))  // the halves differ: the check has teeth
    }

    /// A zero initial state is no initial state, exactly: h₋₁·W_hhᵀ adds zeros, f·c₋₁ is zero.
    @Test(arguments: [CellKind.rnn, .lstm])
    func aZeroInitialStateIsNone(cell: CellKind) {
        let architecture = Architecture(cell: cell, inputSize: 7, hiddenSize: 4, layers: 2, bidirectional: true, outputSize: 7)
        var subject = Subject(architecture)
        let (T, B, D) = (6, 2, 8)
        let tokens = Self.tokens(steps: T, batch: B, vocabulary: 7)
        let zeros = [[Double]](repeating: [Double](repeating: 0, count: (cell == .lstm ? 2 : 1) * B * D), count: 2)
        let none = subject.run(tokens, steps: T, batch: B)
        let zero = subject.run(tokens, steps: T, batch: B, initial: zeros)
        #expect(none.top == zero.top && none.final == zero.final)
    }

    /// A layer's final state is each direction's last processed step, side by side as PyTorch's
    /// h_n: the forward direction's h at t = T−1, the reversed one's at t = 0.
    @Test func theFinalStateOfABidirectionalLayerIsEachDirectionsLastStep() {
        let architecture = Architecture(cell: .lstm, inputSize: 7, hiddenSize: 3, bidirectional: true, outputSize: 7)
        var subject = Subject(architecture)
        let (T, B, H, D) = (5, 2, 3, 6)
        let run = subject.run(Self.tokens(steps: T, batch: B, vocabulary: 7), steps: T, batch: B)
        let h = run.final[0]
        for b in 0..<B {
            for j in 0..<H {
                #expect(h[b * D + j] == run.top[((T - 1) * B + b) * D + j])  // forward, t = T−1
                #expect(h[b * D + H + j] == run.top[(0 * B + b) * D + H + j])  // reversed, t = 0
            }
        }
    }
}
