import CaesarNeural

extension ValidationSet {
    /// How far back the loss at a window's last character reaches, window by window: for
    /// each window, ‖∂L_t/∂h_{t−d}‖ for d = 0…t, where t is the last text position, L_t the
    /// cross-entropy there alone and h the first layer's forward hidden state
    /// (``ManyToManyModel/gradientNormsThroughTime(_:lossAt:)``, one window at a time).
    public func gradientNormsByDistance(of model: ManyToManyModel<Double>) -> [[Double]] {
        let t = contentLength
        return (0..<batch.size).map { b in
            let norms = model.gradientNormsThroughTime(batch.sequences(b..<(b + 1)), lossAt: t)
            return (0...t).map { d in norms[t - d] }
        }
    }
}
