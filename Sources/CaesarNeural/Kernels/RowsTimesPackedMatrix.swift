/// C (m, n) = α·A (m, k)·B (k, n) [+ C], B packed in strips: the recurrent products of a
/// small batch, step by step — forward h₋₁·W_hhᵀ (B, H)·(H, G), backward ∂L/∂a·W_hh
/// (B, G)·(G, H).
///
/// BLAS's general product copies ("packs") B into its own layout on every call. With a few
/// rows of A that copy costs as much as the multiplication, and the recurrence makes one such
/// call per step with the same weights each time. Here B is packed once, while the weights
/// stay the same (``PackedStrips``), and the product runs in tiles of up to 6 rows × 16
/// columns: 6 accumulators of 16 lanes in registers, per k one load of 16 weights and one
/// fused multiply-add (`addingProduct`) per row.
///
/// Each element is summed over k in order from zero and then added to C, exactly as
/// ``accumulateRowTimesMatrix(_:_:_:strips:)`` does for a single row: a sequence gets the same
/// values bit for bit whatever the batch it is in. With `strips`, only those strips' columns.
@inlinable
public func multiplyRows<S: NeuralScalar>(
    _ c: MatrixView<S>, _ a: MatrixView<S>, _ b: PackedStrips<S>, alpha: S = 1, accumulate: Bool,
    strips: Range<Int>? = nil
) {
    precondition(!a.isTransposed && !c.isTransposed && a.columns == b.k && c.rows == a.rows && c.columns == b.n,
                 "packed product shapes: (\(a.rows), \(a.columns)) · (\(b.k), \(b.n)) → (\(c.rows), \(c.columns))")
    let m = a.rows
    guard m > 0 else { return }
    let width = PackedStrips<S>.width, tiles = (m + 5) / 6  // tiles of 5 or 6 rows, never fewer
    for strip in strips ?? 0..<b.strips {
        for block in 0..<(width / 16) {
            let first = strip * width + block * 16
            guard first < b.n else { break }
            let weights = UnsafePointer(b.base + strip * b.k * width + block * 16)
            var row = 0
            for t in 0..<tiles {
                let end = m * (t + 1) / tiles
                switch end - row {
                case 6: multiplyTile(TileRows6.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                case 5: multiplyTile(TileRows5.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                case 4: multiplyTile(TileRows4.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                case 3: multiplyTile(TileRows3.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                case 2: multiplyTile(TileRows2.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                default: multiplyTile(TileRows1.self, c, a, weights, k: b.k, row: row, first: first, n: b.n, alpha: alpha, accumulate: accumulate)
                }
                row = end
            }
        }
    }
}

/// A tile's row count as a type, so that the compiler makes one copy of the tile per count
/// with the unused accumulators gone (a plain `Int` argument left a test per row in the loop).
@usableFromInline protocol TileRows { static var count: Int { get } }
@usableFromInline enum TileRows1: TileRows { @inlinable static var count: Int { 1 } }
@usableFromInline enum TileRows2: TileRows { @inlinable static var count: Int { 2 } }
@usableFromInline enum TileRows3: TileRows { @inlinable static var count: Int { 3 } }
@usableFromInline enum TileRows4: TileRows { @inlinable static var count: Int { 4 } }
@usableFromInline enum TileRows5: TileRows { @inlinable static var count: Int { 5 } }
@usableFromInline enum TileRows6: TileRows { @inlinable static var count: Int { 6 } }

/// Rows `row ..< row + R` of A times the 16 packed columns at `weights` (k rows, a strip's
/// width apart), into C's columns `first ..< first + 16` (those below n).
@inlinable
func multiplyTile<S: NeuralScalar, Rows: TileRows>(
    _: Rows.Type, _ c: MatrixView<S>, _ a: MatrixView<S>, _ weights: UnsafePointer<S>, k: Int, row: Int, first: Int, n: Int,
    alpha: S, accumulate: Bool
) {
    typealias V = SIMD16<S>
    let R = Rows.count, step = PackedStrips<S>.width
    let a0 = UnsafePointer(a.base + row * a.stride)
    let a1 = a0 + (R > 1 ? a.stride : 0), a2 = a0 + (R > 2 ? 2 * a.stride : 0), a3 = a0 + (R > 3 ? 3 * a.stride : 0)
    let a4 = a0 + (R > 4 ? 4 * a.stride : 0), a5 = a0 + (R > 5 ? 5 * a.stride : 0)
    var acc0 = V(), acc1 = V(), acc2 = V(), acc3 = V(), acc4 = V(), acc5 = V()
    var w = UnsafeRawPointer(weights)
    for i in 0..<k {
        let wi = w.loadUnaligned(as: V.self)
        acc0 = acc0.addingProduct(V(repeating: a0[i]), wi)
        if R > 1 { acc1 = acc1.addingProduct(V(repeating: a1[i]), wi) }
        if R > 2 { acc2 = acc2.addingProduct(V(repeating: a2[i]), wi) }
        if R > 3 { acc3 = acc3.addingProduct(V(repeating: a3[i]), wi) }
        if R > 4 { acc4 = acc4.addingProduct(V(repeating: a4[i]), wi) }
        if R > 5 { acc5 = acc5.addingProduct(V(repeating: a5[i]), wi) }
        w += step * MemoryLayout<S>.stride
    }
    let valid = min(16, n - first)
    @inline(__always) func store(_ acc: V, _ r: Int) {
        let target = c.base + (row + r) * c.stride + first
        let value = alpha == 1 ? acc : acc * alpha
        if valid == 16 {
            let old = accumulate ? UnsafeRawPointer(target).loadUnaligned(as: V.self) : V()
            UnsafeMutableRawPointer(target).storeBytes(of: accumulate ? old + value : value, as: V.self)
        } else {
            for lane in 0..<valid { target[lane] = accumulate ? target[lane] + value[lane] : value[lane] }
        }
    }
    store(acc0, 0)
    if R > 1 { store(acc1, 1) }
    if R > 2 { store(acc2, 2) }
    if R > 3 { store(acc3, 3) }
    if R > 4 { store(acc4, 4) }
    if R > 5 { store(acc5, 5) }
}
