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

extension TrainingRecord {
    /// Reads back what ``trainingCurveCSV(_:)`` wrote; `source` names the file in errors.
    /// Blank lines are skipped; any other line must hold the five numbers of the header.
    public static func records(fromCSV text: String, source: String) throws -> [TrainingRecord] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)  // "\r\n" too
        guard lines.first.map(String.init) == csvHeader else {
            throw TrainingError.badCurves(source: source, line: 1, reason: "the header is not '\(csvHeader)'")
        }
        lines.removeFirst()
        var records: [TrainingRecord] = []
        for (k, line) in lines.enumerated() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let numbers = fields.compactMap { Double($0) }
            guard fields.count == 5, numbers.count == 5, let step = Int(fields[0]) else {
                throw TrainingError.badCurves(source: source, line: k + 2, reason: "expected 5 numbers, found '\(line)'")
            }
            records.append(TrainingRecord(step: step, trainingSeconds: numbers[1], trainLoss: numbers[2],
                                          validationAccuracy: numbers[3], charactersPerSecond: numbers[4]))
        }
        return records
    }
}
