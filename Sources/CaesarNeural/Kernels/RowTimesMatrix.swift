/// y += x·A for a single row x: the recurrent product of a batch of one sequence.
///
/// With B = 1 every step's `h₋₁·W_hhᵀ` is a vector–matrix product, and BLAS's general
/// product spends more time getting ready than multiplying. Here A = W_hhᵀ (k = H, n = G)
/// is packed once, while the weights stay the same, into strips of 64 columns, each strip
/// stored row after row (``PackedStrips``): the product then reads the weights front to back,
/// and y accumulates whole strip rows scaled by one element of x, 64 outputs at a time in
/// registers, one fused multiply-add (`addingProduct`) per 16 of them — no horizontal sums.
/// (Walking an unpacked A strip by strip jumps a row's width, 4 KiB at G = 1024, between
/// reads: for H = 256, where A no longer fits in the core's L2, that doubled the time.)
public struct PackedStrips<S: NeuralScalar> {
    /// Columns per strip.
    public static var width: Int { 64 }
    public let base: UnsafeMutablePointer<S>
    public let k: Int
    public let n: Int
    public var strips: Int { (n + Self.width - 1) / Self.width }
    /// The elements a packed (k, n) matrix takes (the last strip padded with zeros).
    public static func count(k: Int, n: Int) -> Int { (n + width - 1) / width * width * k }

    /// A view of strips packed before.
    public init(base: UnsafeMutablePointer<S>, k: Int, n: Int) {
        self.base = base
        self.k = k
        self.n = n
    }

    /// Packs A given as its transpose W (n rows of k), i.e. A[i, j] = W[j, i], into `base`.
    public init(packing w: UnsafePointer<S>, k: Int, n: Int, into base: UnsafeMutablePointer<S>) {
        self.base = base
        self.k = k
        self.n = n
        let width = Self.width
        // Walk W row by row (reading it in order) and scatter each row into its strip's column.
        for j in 0..<(strips * width) {
            let column = base + (j / width) * k * width + j % width
            for i in 0..<k { column[i * width] = j < n ? w[j * k + i] : 0 }
        }
    }

    /// Packs A given as itself (k rows of n), row-major.
    public init(packingRows a: UnsafePointer<S>, k: Int, n: Int, into base: UnsafeMutablePointer<S>) {
        self.base = base
        self.k = k
        self.n = n
        let width = Self.width
        for strip in 0..<strips {
            for i in 0..<k {
                let row = base + (strip * k + i) * width, first = strip * width
                let valid = max(0, min(width, n - first))
                row.update(from: a + i * n + first, count: valid)
                (row + valid).update(repeating: 0, count: width - valid)
            }
        }
    }
}

/// y (n) += x (k) · A (k, n), A packed; with `strips`, only those strips' columns of y.
@inlinable
public func accumulateRowTimesMatrix<S: NeuralScalar>(
    _ y: UnsafeMutablePointer<S>, _ x: UnsafePointer<S>, _ a: PackedStrips<S>, strips: Range<Int>? = nil
) {
    typealias V = SIMD16<S>
    let width = PackedStrips<S>.width
    for strip in strips ?? 0..<a.strips {
        let first = strip * width, valid = min(width, a.n - first)
        var acc = (V(), V(), V(), V())
        var row = UnsafeRawPointer(a.base + strip * a.k * width)
        for i in 0..<a.k {
            let xi = V(repeating: x[i])
            acc.0 = acc.0.addingProduct(xi, row.loadUnaligned(as: V.self))
            acc.1 = acc.1.addingProduct(xi, row.loadUnaligned(fromByteOffset: 16 * MemoryLayout<S>.stride, as: V.self))
            acc.2 = acc.2.addingProduct(xi, row.loadUnaligned(fromByteOffset: 32 * MemoryLayout<S>.stride, as: V.self))
            acc.3 = acc.3.addingProduct(xi, row.loadUnaligned(fromByteOffset: 48 * MemoryLayout<S>.stride, as: V.self))
            row += width * MemoryLayout<S>.stride
        }
        if valid == width {  // a whole strip: four vector adds (lane by lane spills every accumulator)
            let out = UnsafeMutableRawPointer(y + first), stride = 16 * MemoryLayout<S>.stride
            out.storeBytes(of: out.loadUnaligned(as: V.self) + acc.0, as: V.self)
            out.storeBytes(of: out.loadUnaligned(fromByteOffset: stride, as: V.self) + acc.1, toByteOffset: stride, as: V.self)
            out.storeBytes(of: out.loadUnaligned(fromByteOffset: 2 * stride, as: V.self) + acc.2, toByteOffset: 2 * stride, as: V.self)
            out.storeBytes(of: out.loadUnaligned(fromByteOffset: 3 * stride, as: V.self) + acc.3, toByteOffset: 3 * stride, as: V.self)
            continue
        }
        for lane in 0..<valid {
            let v = lane < 16 ? acc.0[lane] : lane < 32 ? acc.1[lane - 16] : lane < 48 ? acc.2[lane - 32] : acc.3[lane - 48]
            y[first + lane] += v
        }
    }
}

/// The same product as a plain double loop on the unpacked W (n rows of k): the reference the
/// packed kernel is tested against.
public func naiveRowTimesMatrix<S: NeuralScalar>(_ y: UnsafeMutablePointer<S>, _ x: UnsafePointer<S>, transposed w: UnsafePointer<S>, k: Int, n: Int) {
    for j in 0..<n {
        for i in 0..<k { y[j] += x[i] * w[j * k + i] }
    }
}
