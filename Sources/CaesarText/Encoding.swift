/// The result of ``TextPipeline/encode(_:)``: tokens in index form, where each sentence sits,
/// and the record that turns tokens back into the input.
///
///     let encoding = try TextPipeline().encode("Hi! Mr. Li left.")
///     encoding.tokens      // [start] h i [end] [start] m r . [sep] l i [sep] l e f t . [end]
///     encoding.indices     // [28, 7, 8, 29, 28, 12, 17, 26, 27, 11, 8, 27, 11, 4, 5, 19, 26, 29]
///     encoding.sentences   // [0..<4, 4..<18]
///     encoding.record.restore(indices: encoding.indices)   // "Hi! Mr. Li left."
public struct Encoding: Sendable {
    /// Token indices (see ``Token``): every sentence is `[start]`, its content, `[end]`.
    public let indices: [UInt8]
    /// Token ranges of the sentences in ``indices``, each from its `[start]` to its `[end]`.
    public let sentences: [Range<Int>]
    /// Everything needed to give back the input from these tokens, or from new tokens of the
    /// same length.
    public let record: RestorationRecord

    /// The tokens as ``Token`` values.
    public var tokens: [Token] { indices.map { Token.all[Int($0)] } }

    /// The T × 31 one-hot matrix of ``indices``.
    public func oneHot() -> TokenMatrix { TokenMatrix.oneHot(indices) }
}
