/// Updates parameters from their gradients, one step at a time.
///
/// Optimizers loop over the flat buffers of a ``ParameterSet`` (all tensors at once) and keep
/// their state (momentum, moment estimates) in sets of the same layout, so that state can be
/// saved beside the model and a run resumed exactly.
public protocol Optimizer<Scalar> {
    associatedtype Scalar: NeuralScalar
    /// The named state tensors (e.g. Adam's `exp_avg`), for checkpoints.
    var state: [String: ParameterSet<Scalar>] { get set }
    /// Steps taken so far.
    var steps: Int { get set }
    mutating func step(_ parameters: inout ParameterSet<Scalar>, gradients: ParameterSet<Scalar>)
}
