import CaesarNeural

/// How often each plaintext token was decrypted as each token: row = the target (the truth),
/// column = the network's raw choice (the argmax of its output), counted over the text
/// positions of a ``ValidationSet`` ([start] and [end] excluded, as its accuracy counts them).
///
///     let matrix = validation.confusion(of: model)
///     matrix[target: 4, predicted: 4]     // how often 'e' came out right
///     matrix.accuracy                     // equals validation.accuracy(of: model)
public struct ConfusionMatrix: Equatable, Sendable, Codable {
    /// The number of classes, rows and columns alike (31).
    public let classes: Int
    /// classes × classes counts, row-major: `counts[target * classes + predicted]`.
    public let counts: [Int]

    public init(classes: Int, counts: [Int]) {
        precondition(counts.count == classes * classes, "\(counts.count) counts for \(classes) × \(classes) classes")
        self.classes = classes
        self.counts = counts
    }

    public subscript(target target: Int, predicted predicted: Int) -> Int {
        counts[target * classes + predicted]
    }

    /// How many positions the target `target` had: the sum of its row.
    public func total(target: Int) -> Int {
        counts[(target * classes)..<((target + 1) * classes)].reduce(0, +)
    }

    public var total: Int { counts.reduce(0, +) }
    /// The diagonal: positions decrypted right.
    public var correct: Int { (0..<classes).reduce(0) { $0 + self[target: $1, predicted: $1] } }
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// The off-diagonal cells that are not zero, most frequent first (ties by target, then
    /// prediction), at most `limit` of them.
    public func mistakes(limit: Int) -> [(target: Int, predicted: Int, count: Int)] {
        var cells: [(target: Int, predicted: Int, count: Int)] = []
        for target in 0..<classes {
            for predicted in 0..<classes where predicted != target && self[target: target, predicted: predicted] > 0 {
                cells.append((target, predicted, self[target: target, predicted: predicted]))
            }
        }
        return Array(cells.sorted { $0.count != $1.count ? $0.count > $1.count : ($0.target, $0.predicted) < ($1.target, $1.predicted) }.prefix(limit))
    }
}

extension ValidationSet {
    /// The confusion matrix of `model`'s predictions over these windows' text positions.
    public func confusion(of model: ManyToManyModel<Float>) -> ConfusionMatrix {
        let predictions = model.predictions(batch)
        let B = batch.size, O = model.architecture.outputSize
        var counts = [Int](repeating: 0, count: O * O)
        for t in 1...contentLength {
            for b in 0..<B {
                counts[Int(batch.targets[t * B + b]) * O + Int(predictions[t * B + b])] += 1
            }
        }
        return ConfusionMatrix(classes: O, counts: counts)
    }
}
