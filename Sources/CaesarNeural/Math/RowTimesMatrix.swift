/// y += x·A for a single row x: the recurrent product of a batch of one sequence.
///
/// With B = 1 every step's `h₋₁·W_hhᵀ` is a vector–matrix product, and BLAS's general
/// product spends more time getting ready than multiplying. Here A = W_hhᵀ (H, G) is stored
/// row-major, so y accumulates whole rows of A scaled by one element of x: every load is
/// contiguous, every operation is a vector fused multiply-add, and there are no horizontal
/// sums. Outputs are done 64 at a time so the accumulators stay in registers; `addingProduct`
/// makes each step one fused multiply-add (Swift does not contract `a + b * c` on its own).
///
/// Shapes: x (k), A (k, n) row-major, y (n).
@inlinable
public func accumulateRowTimesMatrix<S: NeuralScalar>(
    _ y: UnsafeMutablePointer<S>, _ x: UnsafePointer<S>, _ a: UnsafePointer<S>, k: Int, n: Int
) {
    typealias V = SIMD16<S>
    let width = 4 * V.scalarCount
    var j = 0
    while j + width <= n {
        var y0 = UnsafeRawPointer(y + j).loadUnaligned(as: V.self)
        var y1 = UnsafeRawPointer(y + j + 16).loadUnaligned(as: V.self)
        var y2 = UnsafeRawPointer(y + j + 32).loadUnaligned(as: V.self)
        var y3 = UnsafeRawPointer(y + j + 48).loadUnaligned(as: V.self)
        var row = a + j
        for i in 0..<k {
            let xi = V(repeating: x[i])
            y0 = y0.addingProduct(xi, UnsafeRawPointer(row).loadUnaligned(as: V.self))
            y1 = y1.addingProduct(xi, UnsafeRawPointer(row + 16).loadUnaligned(as: V.self))
            y2 = y2.addingProduct(xi, UnsafeRawPointer(row + 32).loadUnaligned(as: V.self))
            y3 = y3.addingProduct(xi, UnsafeRawPointer(row + 48).loadUnaligned(as: V.self))
            row += n
        }
        UnsafeMutableRawPointer(y + j).storeBytes(of: y0, as: V.self)
        UnsafeMutableRawPointer(y + j + 16).storeBytes(of: y1, as: V.self)
        UnsafeMutableRawPointer(y + j + 32).storeBytes(of: y2, as: V.self)
        UnsafeMutableRawPointer(y + j + 48).storeBytes(of: y3, as: V.self)
        j += width
    }
    // The last outputs (n not a multiple of 64), one at a time.
    while j < n {
        var sum = y[j]
        for i in 0..<k { sum += x[i] * a[i * n + j] }
        y[j] = sum
        j += 1
    }
}

/// The same product as a plain double loop: the reference the kernel is tested against.
public func naiveRowTimesMatrix<S: NeuralScalar>(
    _ y: UnsafeMutablePointer<S>, _ x: UnsafePointer<S>, _ a: UnsafePointer<S>, k: Int, n: Int
) {
    for j in 0..<n {
        for i in 0..<k { y[j] += x[i] * a[i * n + j] }
    }
}
