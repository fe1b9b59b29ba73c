/// The few vector and matrix operations the LSTM lesson needs, on plain arrays: vectors are
/// `[Double]`, matrices `[[Double]]` as rows. Sizes here are tiny (H, D ≤ a few), so clarity
/// wins over speed.
enum VectorMath {
    /// M·v: (R×C)·(C) → (R).
    static func product(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in
            precondition(row.count == v.count, "a row of \(row.count) times a vector of \(v.count)")
            return zip(row, v).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// Mᵀ·v: (R×C)ᵀ·(R) → (C).
    static func transposedProduct(_ m: [[Double]], _ v: [Double]) -> [Double] {
        precondition(m.count == v.count, "a \(m.count)-row matrix transposed times a vector of \(v.count)")
        var out = [Double](repeating: 0, count: m.first?.count ?? 0)
        for (row, scale) in zip(m, v) {
            for c in row.indices { out[c] += row[c] * scale }
        }
        return out
    }

    /// a·bᵀ: (R)·(C)ᵀ → (R×C).
    static func outer(_ a: [Double], _ b: [Double]) -> [[Double]] {
        a.map { x in b.map { x * $0 } }
    }

    static func add(_ a: [Double], _ b: [Double]) -> [Double] {
        precondition(a.count == b.count, "adding vectors of \(a.count) and \(b.count)")
        return zip(a, b).map(+)
    }

    static func add(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        zip(a, b).map { add($0, $1) }
    }

    /// a ⊙ b, element by element.
    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        precondition(a.count == b.count, "multiplying vectors of \(a.count) and \(b.count)")
        return zip(a, b).map(*)
    }

    static func zeros(_ rows: Int, _ columns: Int) -> [[Double]] {
        [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
    }
}
