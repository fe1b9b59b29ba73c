/// Rescales gradients whose global norm is too large, as `torch.nn.utils.clip_grad_norm_`.
public enum GradientClipping {
    /// If ‖g‖₂ over all tensors exceeds `maxNorm`, multiplies every gradient by
    /// maxNorm / (‖g‖₂ + 1e-6). Returns the norm before clipping (a useful training signal;
    /// NaN or infinity means the step must not be taken).
    @discardableResult
    @_specialize(exported: true, where Scalar == Float)
    @_specialize(exported: true, where Scalar == Double)
    public static func clip<Scalar: NeuralScalar>(_ gradients: inout ParameterSet<Scalar>, maxNorm: Double) -> Double {
        let norm = gradients.norm
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 {
            let c = Scalar(coefficient)
            gradients.values.withUnsafeMutableBufferPointer { g in
                for k in g.indices { g[k] *= c }
            }
        }
        return norm
    }
}
