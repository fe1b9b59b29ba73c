/// One validation point of a run: the row of its learning curve.
public struct TrainingRecord: Equatable, Codable, Sendable {
    public let step: Int
    /// Seconds spent training so far, validation excluded (as the reference times it).
    public let trainingSeconds: Double
    /// Mean training loss over the steps since the previous record.
    public let trainLoss: Double
    /// The setup's validation accuracy (``ValidationSet/accuracy(of:)``): keys for the
    /// classifier, characters otherwise.
    public let validationAccuracy: Double
    /// Training throughput over the steps since the previous record.
    public let charactersPerSecond: Double

    public init(step: Int, trainingSeconds: Double, trainLoss: Double, validationAccuracy: Double, charactersPerSecond: Double) {
        self.step = step
        self.trainingSeconds = trainingSeconds
        self.trainLoss = trainLoss
        self.validationAccuracy = validationAccuracy
        self.charactersPerSecond = charactersPerSecond
    }

    public static let csvHeader = "step,training_seconds,train_loss,validation_accuracy,characters_per_second"

    public var csvRow: String {
        "\(step),\(trainingSeconds),\(trainLoss),\(validationAccuracy),\(charactersPerSecond)"
    }
}

/// The learning curve as CSV, one row per validation.
public func trainingCurveCSV(_ records: [TrainingRecord]) -> String {
    ([TrainingRecord.csvHeader] + records.map(\.csvRow)).joined(separator: "\n") + "\n"
}
