/// Zero-initialized scratch memory owned by a workspace, addressed through views.
///
/// Activations and gradients of a batch live in buffers allocated once per batch shape and
/// reused from batch to batch (no allocation in the training loop).
final class Buffer<Scalar: NeuralScalar> {
    let base: UnsafeMutablePointer<Scalar>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }

    /// The whole buffer as a (rows, columns) matrix.
    func view(rows: Int, columns: Int) -> MatrixView<Scalar> {
        precondition(rows * columns <= count, "view \(rows)×\(columns) exceeds buffer of \(count)")
        return MatrixView(base, rows: rows, columns: columns)
    }

    func zero() { base.update(repeating: 0, count: count) }
}
