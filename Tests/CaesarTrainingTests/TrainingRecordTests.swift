import Foundation
import Testing

@testable import CaesarTraining

/// The learning curve as CSV, written and read back.
@Suite struct TrainingRecordTests {
    @Test func learningCurvesReadBackExactly() throws {
        let records = [
            TrainingRecord(step: 10, trainingSeconds: 0.123456789, trainLoss: 3.25, validationAccuracy: 0.1, charactersPerSecond: 12345.5),
            TrainingRecord(step: 20, trainingSeconds: 1e-05, trainLoss: 2.5e-07, validationAccuracy: 1, charactersPerSecond: 9),
        ]
        #expect(try TrainingRecord.records(fromCSV: trainingCurveCSV(records), source: "m.csv") == records)
        #expect(try TrainingRecord.records(fromCSV: trainingCurveCSV([]), source: "m.csv") == [])
        let crlf = trainingCurveCSV(records).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try TrainingRecord.records(fromCSV: crlf, source: "m.csv") == records)
    }

    @Test(arguments: [
        ("step,loss\n", 1, "the header is not 'step,training_seconds,train_loss,validation_accuracy,characters_per_second'"),
        (TrainingRecord.csvHeader + "\n10,1,2,0.5,100\n20,1,2,0.5\n", 3, "expected 5 numbers, found '20,1,2,0.5'"),
        (TrainingRecord.csvHeader + "\n1.5,1,2,0.5,100\n", 2, "expected 5 numbers, found '1.5,1,2,0.5,100'"),
        ("", 1, "the header is not 'step,training_seconds,train_loss,validation_accuracy,characters_per_second'"),
    ])
    func damagedCurvesNameTheLine(text: String, line: Int, reason: String) {
        #expect(throws: TrainingError.badCurves(source: "m.csv", line: line, reason: reason)) {
            try TrainingRecord.records(fromCSV: text, source: "m.csv")
        }
        let message = TrainingError.badCurves(source: "m.csv", line: line, reason: reason).description
        #expect(message == "learning curves 'm.csv', line \(line): \(reason); hint: caesar train writes this file beside the model; train again or remove it")
    }
}
