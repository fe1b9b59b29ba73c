import Foundation

/// The LSTM step of ``LSTMCell``, written the plain way: one unit at a time, in `Double`, with
/// the C library's `exp` and `tanh`. It is slow and meant to be read; the tests hold the fast
/// cell (sixteen lanes, `Float`'s polynomial `tanh` and sigmoid) equal to it, as `naiveGEMM`
/// holds `gemm`. Rows are sequences; `a` (and `gates`) hold the blocks [i f g o], 4H wide.
public enum ScalarLSTMCell {
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// One step for each row: from pre-activations `a` (rows × 4H) and `cPrevious` (rows × H,
    /// nil for zeros), the gates [i f g o], c, tanh(c) and h.
    public static func forward(a: [[Double]], cPrevious: [[Double]]?) -> (gates: [[Double]], c: [[Double]], tanhC: [[Double]], h: [[Double]]) {
        var gates: [[Double]] = [], cs: [[Double]] = [], tanhCs: [[Double]] = [], hs: [[Double]] = []
        for (b, row) in a.enumerated() {
            let H = row.count / 4
            var gate = [Double](repeating: 0, count: 4 * H), c = [Double](repeating: 0, count: H)
            var tanhC = c, h = c
            for u in 0..<H {
                let i = sigmoid(row[u]), f = sigmoid(row[H + u]), g = tanh(row[2 * H + u]), o = sigmoid(row[3 * H + u])
                (gate[u], gate[H + u], gate[2 * H + u], gate[3 * H + u]) = (i, f, g, o)
                c[u] = f * (cPrevious?[b][u] ?? 0) + i * g
                tanhC[u] = tanh(c[u])
                h[u] = o * tanhC[u]
            }
            gates.append(gate)
            cs.append(c)
            tanhCs.append(tanhC)
            hs.append(h)
        }
        return (gates, cs, tanhCs, hs)
    }

    /// The step backwards: from ∂L/∂h `dh` and ∂L/∂c `dc` (both rows × H) and what the forward
    /// step kept, ∂L/∂a (rows × 4H) and ∂L/∂c₋₁.
    public static func backward(
        dh: [[Double]], dc: [[Double]], gates: [[Double]], cPrevious: [[Double]]?, tanhC: [[Double]]
    ) -> (dA: [[Double]], dcPrevious: [[Double]]) {
        var dA: [[Double]] = [], dcPrevious: [[Double]] = []
        for b in dh.indices {
            let H = dh[b].count, gate = gates[b]
            var da = [Double](repeating: 0, count: 4 * H), dcp = [Double](repeating: 0, count: H)
            for u in 0..<H {
                let (i, f, g, o) = (gate[u], gate[H + u], gate[2 * H + u], gate[3 * H + u])
                let t = tanhC[b][u]
                let dO = dh[b][u] * t                                  // h = o·tanh(c)
                let dC = dc[b][u] + dh[b][u] * o * (1 - t * t)
                let dI = dC * g, dG = dC * i, dF = dC * (cPrevious?[b][u] ?? 0)  // c = f·c₋₁ + i·g
                dcp[u] = dC * f
                da[u] = dI * i * (1 - i)                               // σ' = σ(1 − σ)
                da[H + u] = dF * f * (1 - f)
                da[2 * H + u] = dG * (1 - g * g)                       // tanh' = 1 − tanh²
                da[3 * H + u] = dO * o * (1 - o)
            }
            dA.append(da)
            dcPrevious.append(dcp)
        }
        return (dA, dcPrevious)
    }
}
