import CaesarNeural
import CaesarText

/// The fixed windows a run is validated on: the first `count` non-overlapping windows of the
/// validation text, the i-th encrypted with key i mod 26 (or the run's fixed key), as the
/// reference validates.
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

    /// Character accuracy of `model` over the text positions (not [start] or [end]); `.`
    /// and [sep] count, although they are copied through.
    public func accuracy(of model: SequenceModel<Float>) -> Double {
        accuracies(of: model).characters
    }

    /// Character accuracy, and the share of windows right in every character.
    public func accuracies(of model: SequenceModel<Float>) -> (characters: Double, windows: Double) {
        let predictions = model.predictions(batch)
        let B = batch.size
        var correct = 0
        var wrongWindows = Set<Int>()
        for t in 1...contentLength {
            for b in 0..<B {
                if predictions[t * B + b] == batch.targets[t * B + b] { correct += 1 } else { wrongWindows.insert(b) }
            }
        }
        return (Double(correct) / Double(contentLength * B), Double(B - wrongWindows.count) / Double(B))
    }
}
