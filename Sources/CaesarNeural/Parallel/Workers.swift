/// How a model splits a batch: its B sequences (not its steps) are divided between up to
/// `threads` workers, each with its own ``Workspace`` (activations and gradient buffer), run
/// in parallel, and their results combined in worker order, so that results depend on the
/// thread count in their last bits (each worker's part reaches BLAS in products of another
/// shape) but are reproducible bit for bit for a given one on one machine.
///
/// Before the workers start, the model's stacks rebuild their weight copies if the parameters
/// changed since the last run (the model counts its changes in a version number): those of
/// the forward pass always, those of the backward pass for runs that go backward.
final class Workers<Scalar: NeuralScalar> {
    let architecture: Architecture
    private let stacks: [RecurrentStack<Scalar>]
    private(set) var workspaces: [Workspace<Scalar>] = []
    private var copiesVersion = -1
    private var backwardCopiesVersion = -1

    init(architecture: Architecture, stacks: [RecurrentStack<Scalar>]) {
        self.architecture = architecture
        self.stacks = stacks
    }

    /// Workers a batch is split between.
    func count(for batch: SequenceBatch, threads: Int) -> Int { min(threads, batch.size) }

    /// Splits the batch's sequences between workers and runs `body(w, workspace, part,
    /// sequences, parameters)` on each part in parallel; `version` counts the parameters' changes;
    /// `backward`: whether `body` runs backward passes.
    func run(
        _ batch: SequenceBatch, threads: Int, parameters: ParameterSet<Scalar>, version: Int, backward: Bool = false,
        _ body: (Int, Workspace<Scalar>, SequenceBatch, Range<Int>, UnsafeMutablePointer<Scalar>) -> Void
    ) {
        let workers = count(for: batch, threads: threads)
        var ranges: [Range<Int>] = []
        for w in 0..<workers {
            ranges.append((batch.size * w / workers)..<(batch.size * (w + 1) / workers))
        }
        let parts = workers == 1 ? [batch] : ranges.map { batch.sequences($0) }
        prepareWorkspaces(parts, parameterCount: parameters.layout.totalCount)
        // Read-only access: a mutating one would count as a change of the parameters.
        parameters.values.withUnsafeBufferPointer { p in
            let base = UnsafeMutablePointer(mutating: p.baseAddress!)
            let forwardCopies = copiesVersion != version, backwardCopies = backward && backwardCopiesVersion != version
            if forwardCopies || backwardCopies {
                for stack in stacks { stack.refreshWeightCopies(base, forward: forwardCopies, backward: backwardCopies) }
                copiesVersion = version
                if backward { backwardCopiesVersion = version }
            }
            Parallel.forEach(workers) { w in body(w, workspaces[w], parts[w], ranges[w], base) }
        }
    }

    /// Runs `body(workspace, part, sequences, parameters)` on every worker's part and adds up
    /// what the workers return, in worker order.
    func sum(
        _ batch: SequenceBatch, threads: Int, parameters: ParameterSet<Scalar>, version: Int, backward: Bool = false,
        _ body: (Workspace<Scalar>, SequenceBatch, Range<Int>, UnsafeMutablePointer<Scalar>) -> Double
    ) -> Double {
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: count(for: batch, threads: threads))
        defer { sums.deallocate() }
        run(batch, threads: threads, parameters: parameters, version: version, backward: backward) { w, worker, part, range, p in
            sums[w] = body(worker, part, range, p)
        }
        return sums.reduce(0, +)
    }

    /// Adds the gradients of the workers that ran `batch` into `gradients`, in a fixed order,
    /// so runs reproduce exactly.
    func addGradients(of batch: SequenceBatch, threads: Int, into gradients: inout ParameterSet<Scalar>) {
        let n = gradients.layout.totalCount
        gradients.values.withUnsafeMutableBufferPointer { g in
            for worker in workspaces.prefix(count(for: batch, threads: threads)) {
                for k in 0..<n { g[k] += worker.gradients.base[k] }
            }
        }
    }

    /// Copies `rows` (steps × the part's sequences, `width` each) of a part's result back to
    /// the places of its sequences `range` in the whole batch's result (steps × `batchSize`).
    static func scatter(
        _ part: UnsafePointer<Scalar>, steps: Int, width: Int, range: Range<Int>, batchSize: Int, into whole: UnsafeMutablePointer<Scalar>
    ) {
        forEachRow(steps: steps, range: range, batchSize: batchSize) { partRow, wholeRow in
            (whole + wholeRow * width).update(from: part + partRow * width, count: width)
        }
    }

    /// Calls `body(partRow, wholeRow)` for every row of a part that holds the sequences `range`
    /// of a batch of `batchSize`, time-major: sequence `range[k]`'s step t is the part's row
    /// t·|range| + k and the whole batch's row t·batchSize + range[k].
    static func forEachRow(steps: Int, range: Range<Int>, batchSize: Int, _ body: (Int, Int) -> Void) {
        for t in 0..<steps {
            for (k, b) in range.enumerated() { body(t * range.count + k, t * batchSize + b) }
        }
    }

    /// Grows a worker's workspace when a part does not fit (never shrinks it).
    private func prepareWorkspaces(_ parts: [SequenceBatch], parameterCount: Int) {
        for (w, part) in parts.enumerated() {
            let rows = part.steps * part.size
            if w < workspaces.count, workspaces[w].fits(rows: rows, batch: part.size) { continue }
            let workspace = Workspace<Scalar>(
                architecture: architecture, rows: max(rows, w < workspaces.count ? workspaces[w].rows : 0),
                batch: max(part.size, w < workspaces.count ? workspaces[w].batch : 0), parameterCount: parameterCount)
            if w < workspaces.count { workspaces[w] = workspace } else { workspaces.append(workspace) }
        }
    }
}
