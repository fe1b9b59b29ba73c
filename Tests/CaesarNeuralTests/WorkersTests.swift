import Testing

@testable import CaesarNeural

/// How a batch is shared among the worker threads, and the scratch space each keeps.
@Suite struct WorkersTests {
    static let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, bidirectional: true, outputSize: 31)

    static func batch(size: Int, steps: Int) -> SequenceBatch {
        SequenceBatch(steps: steps, size: size, inputs: (0..<(size * steps)).map { Int32($0 % 31) })
    }

    /// Each worker takes a run of whole sequences, the runs as even as can be (7 = 2 + 2 + 3
    /// … 3 + 4 for two), together every sequence once; never more workers than sequences.
    @Test(arguments: [(7, 2), (7, 3), (2, 8), (1, 2), (64, 2)] as [(Int, Int)])
    func sequencesAreSharedOutEvenlyAndWhole(size: Int, threads: Int) {
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 0, threads: threads)
        let batch = Self.batch(size: size, steps: 3)
        let workers = model.core.workers.count(for: batch, threads: threads)
        #expect(workers == min(threads, size))
        // Workers run at once: each writes only its own slot.
        let ranges = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: workers)
        let inputs = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: workers)
        defer { ranges.deallocate(); inputs.deallocate() }
        _ = ranges.initialize(repeating: 0..<0)
        _ = inputs.initialize(repeating: [])
        model.core.workers.run(batch, threads: threads, parameters: model.parameters, version: 0) { w, _, part, range, _ in
            ranges[w] = range
            inputs[w] = part.inputs
        }
        let counts = ranges.map(\.count)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == size)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(counts.max()! - counts.min()! <= 1)
        for w in 0..<workers { #expect(inputs[w] == (workers == 1 ? batch.inputs : batch.sequences(ranges[w]).inputs)) }
    }

    /// What a worker computes for its sequences goes back to their rows of the whole batch:
    /// time-major, row t·B + b.
    @Test func scatterPutsAWorkersRowsBackInPlace() {
        let (steps, batchSize, width) = (3, 5, 2), range = 2..<4
        var part = [Float](repeating: 0, count: steps * range.count * width)
        for t in 0..<steps { for (k, b) in range.enumerated() { for j in 0..<width { part[(t * range.count + k) * width + j] = Float(100 * t + 10 * b + j) } } }
        var whole = [Float](repeating: -1, count: steps * batchSize * width)
        part.withUnsafeBufferPointer { p in
            whole.withUnsafeMutableBufferPointer { w in
                Workers<Float>.scatter(p.baseAddress!, steps: steps, width: width, range: range, batchSize: batchSize, into: w.baseAddress!)
            }
        }
        for t in 0..<steps {
            for b in 0..<batchSize {
                for j in 0..<width {
                    let value = whole[(t * batchSize + b) * width + j]
                    #expect(value == (range.contains(b) ? Float(100 * t + 10 * b + j) : -1), "t \(t), b \(b), j \(j)")
                }
            }
        }
    }

    /// `sum` adds what each worker returns (the models add their parts' losses with it): here
    /// each returns its number of sequences, which must add up to the batch.
    @Test func sumAddsTheWorkersResults() {
        let model = ManyToManyModel<Double>(architecture: Self.architecture, seed: 3, threads: 2)
        let batch = Self.batch(size: 5, steps: 4)
        let total = model.core.workers.sum(batch, threads: 2, parameters: model.parameters, version: 0) { _, part, _, _ in Double(part.size) }
        #expect(total == 5)
    }

    /// A workspace is kept while batches fit it and replaced by a bigger one when not; never shrunk.
    @Test func workspacesGrowToTheLargestBatchAndStay() {
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 0, threads: 1)
        _ = model.logits(Self.batch(size: 4, steps: 10))
        let first = model.core.workers.workspaces[0]
        #expect(first.rows == 40 && first.batch == 4)
        _ = model.logits(Self.batch(size: 2, steps: 12))  // 24 rows and 2 sequences: fits
        #expect(model.core.workers.workspaces[0] === first)
        _ = model.logits(Self.batch(size: 8, steps: 3))  // 8 sequences: does not fit
        let grown = model.core.workers.workspaces[0]
        #expect(grown !== first && grown.rows == 40 && grown.batch == 8)
        #expect(grown.fits(rows: 40, batch: 8) && !grown.fits(rows: 41, batch: 8) && !grown.fits(rows: 10, batch: 9))
    }

    /// A workspace holds what the architecture needs: gates of 4H per direction for the LSTM,
    /// the gradient of every parameter, no pooled rows for a many-to-many network.
    @Test func aWorkspaceIsSizedByItsArchitecture() {
        let a = Self.architecture
        let workspace = Workspace<Float>(architecture: a, rows: 12, batch: 3, parameterCount: 1000)
        #expect(workspace.logits.count == 12 * 31)
        #expect(workspace.gradients.count == 1000)
        #expect(workspace.pooled.count == 0)
        #expect(workspace.stacks[0].gates[0].map(\.count) == [12 * 32, 12 * 32])
        #expect(workspace.stacks[0].layerOutputs[0].count == 12 * 16)
    }
}
