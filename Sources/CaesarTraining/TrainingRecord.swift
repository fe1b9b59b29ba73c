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
    /// A language model's validation loss in bits per character (nil for decrypters).
    public var validationBitsPerCharacter: Double?
    /// A decrypter's validation loss: the mean cross-entropy per predicted token in nats, as
    /// the training loss (nil for language models, and in curves written before it was kept).
    public var validationLoss: Double?

    public init(step: Int, trainingSeconds: Double, trainLoss: Double, validationAccuracy: Double, charactersPerSecond: Double) {
        self.step = step
        self.trainingSeconds = trainingSeconds
        self.trainLoss = trainLoss
        self.validationAccuracy = validationAccuracy
        self.charactersPerSecond = charactersPerSecond
    }

    public static let csvHeader = "step,training_seconds,train_loss,validation_accuracy,characters_per_second"
    /// A language model's curve has one more column.
    public static let languageModelCSVHeader = csvHeader + ",validation_bits_per_character"
    /// A decrypter's curve: its validation loss (curves written before it have five columns).
    public static let decrypterCSVHeader = csvHeader + ",validation_loss"

    public var csvRow: String {
        "\(step),\(trainingSeconds),\(trainLoss),\(validationAccuracy),\(charactersPerSecond)"
            + (validationBitsPerCharacter.map { ",\($0)" } ?? "") + (validationLoss.map { ",\($0)" } ?? "")
    }
}

/// The learning curve as CSV, one row per validation.
public func trainingCurveCSV(_ records: [TrainingRecord]) -> String {
    let header = records.contains { $0.validationBitsPerCharacter != nil } ? TrainingRecord.languageModelCSVHeader
        : records.contains { $0.validationLoss != nil } ? TrainingRecord.decrypterCSVHeader : TrainingRecord.csvHeader
    return ([header] + records.map(\.csvRow)).joined(separator: "\n") + "\n"
}

extension TrainingRecord {
    /// Reads back what ``trainingCurveCSV(_:)`` wrote; `source` names the file in errors.
    /// Blank lines are skipped; any other line must hold the five numbers of the header.
    public static func records(fromCSV text: String, source: String) throws -> [TrainingRecord] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)  // "\r\n" too
        let header = lines.first.map(String.init)
        guard let header, [csvHeader, languageModelCSVHeader, decrypterCSVHeader].contains(header) else {
            throw TrainingError.badCurves(source: source, line: 1, reason: "the header is not '\(decrypterCSVHeader)'")
        }
        let columns = header == csvHeader ? 5 : 6
        lines.removeFirst()
        var records: [TrainingRecord] = []
        for (k, line) in lines.enumerated() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let numbers = fields.compactMap { Double($0) }
            guard fields.count == columns, numbers.count == columns, let step = Int(fields[0]) else {
                throw TrainingError.badCurves(source: source, line: k + 2, reason: "expected \(columns) numbers, found '\(line)'")
            }
            var record = TrainingRecord(step: step, trainingSeconds: numbers[1], trainLoss: numbers[2],
                                        validationAccuracy: numbers[3], charactersPerSecond: numbers[4])
            if header == languageModelCSVHeader { record.validationBitsPerCharacter = numbers[5] }
            if header == decrypterCSVHeader { record.validationLoss = numbers[5] }
            records.append(record)
        }
        return records
    }
}
