/// Softmax and cross-entropy fused: the loss of each row and its gradient in one pass.
///
/// For logits z (one row) and target y:  p = softmax(z),  ℓ = −log p_y = logsumexp(z) − z_y,
/// and ∂ℓ/∂z = p − onehot(y). Fusing the two avoids forming log p, which underflows, and
/// gives the famously simple gradient.
enum SoftmaxCrossEntropy {
    /// Replaces `logits` (N, O) by `scale`·∂ℓ/∂z and returns Σℓ over the rows whose target is
    /// not `ignored` (their gradient rows are zero), summed in Double, and how many rows counted.
    static func lossAndGradient<S: NeuralScalar>(
        logits: MatrixView<S>, targets: UnsafePointer<Int32>, ignored: Int32?, scale: S
    ) -> (sum: Double, count: Int) {
        let O = logits.columns
        var sum = 0.0, count = 0
        for r in 0..<logits.rows {
            let z = logits.base + r * logits.stride
            let y = targets[r]
            if y == ignored {
                for k in 0..<O { z[k] = 0 }
                continue
            }
            precondition(y >= 0 && Int(y) < O, "target \(y) outside the \(O) classes")
            var maximum = z[0]
            for k in 1..<O where z[k] > maximum { maximum = z[k] }
            let zy = z[Int(y)]
            for k in 0..<O { z[k] -= maximum }  // shift for stability: softmax is unchanged
            S.exp(z, count: O)
            var total: S = 0
            for k in 0..<O { total += z[k] }
            sum += Double(S.log(total)) + Double(maximum) - Double(zy)  // logsumexp − z_y
            let inverse = 1 / total
            for k in 0..<O { z[k] = z[k] * inverse * scale }  // p
            z[Int(y)] -= scale  // p − onehot(y)
            count += 1
        }
        return (sum, count)
    }

    /// The most probable class of one row of `count` logits: the first of equal maxima.
    static func argmax<S: NeuralScalar>(_ logits: UnsafePointer<S>, count: Int) -> Int32 {
        var best = 0
        for k in 1..<count where logits[k] > logits[best] { best = k }
        return Int32(best)
    }

    /// Softmax of each row in place (inference).
    static func softmax<S: NeuralScalar>(_ logits: MatrixView<S>) {
        let O = logits.columns
        for r in 0..<logits.rows {
            let z = logits.base + r * logits.stride
            var maximum = z[0]
            for k in 1..<O where z[k] > maximum { maximum = z[k] }
            for k in 0..<O { z[k] -= maximum }
            S.exp(z, count: O)
            var total: S = 0
            for k in 0..<O { total += z[k] }
            for k in 0..<O { z[k] /= total }
        }
    }
}

/// log softmax of one row of logits, in Double: log p_j = z_j − max z − log Σ_i exp(z_i − max z)
/// (subtracting the largest first, so no exp overflows). The project's one log-softmax: the
/// encoder–decoder's likelihoods and the decrypters' key scores (CaesarDecryption).
public func logSoftmax<Row: Collection>(_ row: Row) -> [Double] where Row.Element: BinaryFloatingPoint {
    let values = row.map { Double($0) }
    guard let top = values.max() else { return [] }
    let logSum = Double.log(values.reduce(0) { $0 + Double.exp($1 - top) })
    return values.map { $0 - top - logSum }
}
