#if canImport(Glibc)
import Glibc
#endif

/// Zero-initialized scratch memory owned by a workspace, addressed through views.
///
/// Activations and gradients of a batch live in buffers allocated once per batch shape and
/// reused from batch to batch (no allocation in the training loop).
public final class Buffer<Scalar: NeuralScalar> {
    public let base: UnsafeMutablePointer<Scalar>
    public let count: Int

    public init(count: Int) {
        self.count = count
        // calloc, not allocate + initialize: a large block comes straight from the kernel as
        // zero pages, so nothing is written twice, and pages a pass never touches (backward
        // scratch during inference) cost nothing. All-zero bits are 0.0 in IEEE 754.
        guard let memory = calloc(max(count, 1), MemoryLayout<Scalar>.stride) else {
            fatalError("out of memory: a buffer of \(count) \(Scalar.self) values")
        }
        base = memory.bindMemory(to: Scalar.self, capacity: max(count, 1))
    }

    deinit { free(base) }

    /// The whole buffer as a (rows, columns) matrix.
    public func view(rows: Int, columns: Int) -> MatrixView<Scalar> {
        precondition(rows * columns <= count, "view \(rows)×\(columns) exceeds buffer of \(count)")
        return MatrixView(base, rows: rows, columns: columns)
    }

    public func zero() { base.update(repeating: 0, count: count) }
}
