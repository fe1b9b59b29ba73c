import CaesarNeural
import CaesarText

/// The fixed windows a run is validated on: the first `count` non-overlapping windows of the
/// validation text, the i-th encrypted with key i mod 26 (or the run's fixed key), as the
/// reference validates.
///
/// Each setup is measured by what it outputs: the key classifier by its keys, the
/// many-to-many network by its character at each position, and the encoder–decoder by its
/// greedy output, compared position by position; where it stops early or writes on, the
/// missing or extra characters count as wrong.
public struct ValidationSet: Sendable {
    public let batch: SequenceBatch
    public let contentLength: Int

    public init(stream: [UInt8], contentLength: Int, count: Int, key: KeySchedule) throws {
        let available = stream.count / contentLength
        guard available > 0 else { throw TrainingError.validationTextTooShort(characters: stream.count, needed: contentLength) }
        let n = min(count, available)
        let starts = (0..<n).map { $0 * contentLength }
        let keys = (0..<n).map { i -> Int in
            if case .fixed(let k) = key { return k }
            return i % 26
        }
        batch = WindowSampler.batch(stream: stream, starts: starts, keys: keys, contentLength: contentLength)
        self.contentLength = contentLength
    }

    /// What ``accuracy(of:)`` measures for a setup.
    public static func metric(of setup: Setup) -> String {
        switch setup {
        case .manyToOne: return "key accuracy"
        case .manyToMany: return "character accuracy"
        case .encoderDecoder: return "character accuracy of the greedy output"
        case .languageModel: return "next-token accuracy"
        }
    }

    /// The accuracy a run is judged by: keys right (many-to-one), or characters right over the
    /// text positions (not [start] or [end]; `.` and [sep] count, although they are copied through).
    public func accuracy(of model: any TrainableModel<Float>) -> Double {
        if let classifier = model as? KeyClassifier<Float> { return keyAccuracy(classifier.predictions(batch)) }
        return accuracies(of: model).characters
    }

    /// Characters right, and the share of windows right in every character, of the model's
    /// own output: for the key classifier, the ciphertext rotated back by its key.
    public func accuracies(of model: any TrainableModel<Float>) -> (characters: Double, windows: Double) {
        switch model {
        case let model as ManyToManyModel<Float>: return compare(textPositions(of: model.predictions(batch)))
        case let classifier as KeyClassifier<Float>: return compare(rotations(by: classifier.predictions(batch)))
        case let seq2seq as EncoderDecoder<Float>:
            let start = Int32(Token.start.index), end = Int32(Token.end.index)
            return compare(seq2seq.greedyDecode(batch, start: start, end: end, maximumLength: 2 * contentLength))
        default: preconditionFailure("no validation for \(type(of: model))")
        }
    }

    /// The accuracy (as ``accuracy(of:)``) and the mean loss of `model` on these windows, from
    /// one forward pass where the setup allows: the encoder–decoder is judged by its greedy
    /// output, a pass of its own beside the teacher-forced loss.
    public func measure(_ model: any TrainableModel<Float>) -> (accuracy: Double, loss: Double) {
        switch model {
        case let model as ManyToManyModel<Float>:
            let (loss, predictions) = model.lossAndPredictions(batch)
            return (compare(textPositions(of: predictions)).characters, loss)
        case let classifier as KeyClassifier<Float>:
            let (loss, keys) = classifier.lossAndPredictions(batch)
            return (keyAccuracy(keys), loss)
        default:
            return (accuracy(of: model), model.loss(batch))
        }
    }

    /// Keys right: the classifier's most probable key of every window against the window's.
    func keyAccuracy(_ keys: [Int32]) -> Double {
        Double(zip(keys, batch.labels).filter { $0 == $1 }.count) / Double(batch.size)
    }

    /// The plaintext of every window (its text positions), in window order.
    var plaintexts: [[Int32]] { textPositions(of: batch.targets) }

    /// Tokens of every step (T·B, time-major: targets, or a many-to-many network's predictions)
    /// at each window's text positions.
    private func textPositions(of predictions: [Int32]) -> [[Int32]] {
        (0..<batch.size).map { b in (1...contentLength).map { predictions[$0 * batch.size + b] } }
    }

    /// The ciphertext of every window rotated back by `keys` (letters only).
    private func rotations(by keys: [Int32]) -> [[Int32]] {
        (0..<batch.size).map { b in
            (1...contentLength).map { t in
                let token = batch.inputs[t * batch.size + b]
                return Int32(Token.shifted(index: UInt8(token), by: -Int(keys[b])))
            }
        }
    }

    /// Outputs against the plaintexts, position by position; missing or extra characters are wrong.
    private func compare(_ outputs: [[Int32]]) -> (characters: Double, windows: Double) {
        var right = 0, total = 0, rightWindows = 0
        for (output, truth) in zip(outputs, plaintexts) {
            let matches = zip(output, truth).filter { $0 == $1 }.count
            right += matches
            total += max(output.count, truth.count)
            if matches == truth.count && output.count == truth.count { rightWindows += 1 }
        }
        return (Double(right) / Double(max(total, 1)), Double(rightWindows) / Double(batch.size))
    }
}
