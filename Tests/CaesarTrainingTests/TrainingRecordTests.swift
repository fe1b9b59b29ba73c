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

    /// A decrypter's curve has its validation loss in a sixth column, a language model's its
    /// bits per character; curves written before the loss was kept (five columns) still read.
    @Test func eachKindOfCurveReadsBackWithItsSixthColumn() throws {
        var decrypter = TrainingRecord(step: 10, trainingSeconds: 0.5, trainLoss: 3.25, validationAccuracy: 0.1, charactersPerSecond: 100)
        decrypter.validationLoss = 2.75
        var language = TrainingRecord(step: 10, trainingSeconds: 0.5, trainLoss: 3.25, validationAccuracy: 0.1, charactersPerSecond: 100)
        language.validationBitsPerCharacter = 2.5
        #expect(trainingCurveCSV([decrypter]) == TrainingRecord.decrypterCSVHeader + "\n10,0.5,3.25,0.1,100.0,2.75\n")
        #expect(trainingCurveCSV([language]) == TrainingRecord.languageModelCSVHeader + "\n10,0.5,3.25,0.1,100.0,2.5\n")
        #expect(try TrainingRecord.records(fromCSV: trainingCurveCSV([decrypter]), source: "m.csv") == [decrypter])
        #expect(try TrainingRecord.records(fromCSV: trainingCurveCSV([language]), source: "m.csv") == [language])
        let old = try TrainingRecord.records(fromCSV: TrainingRecord.csvHeader + "\n10,0.5,3.25,0.1,100\n", source: "m.csv")
        #expect(old.first?.validationLoss == nil && old.first?.validationBitsPerCharacter == nil)
    }

    /// The curves mark the record whose weights the model keeps: the last of the best accuracy
    /// for a decrypter, the last of the lowest bits per character for a language model.
    @Test func theBestRecordIsTheOneTheTrainerKeeps() {
        let accuracies = [0.2, 0.5, 0.4, 0.5].enumerated().map {
            TrainingRecord(step: ($0.offset + 1) * 10, trainingSeconds: 1, trainLoss: 1, validationAccuracy: $0.element, charactersPerSecond: 1)
        }
        #expect(TrainingCurves.best(accuracies)?.step == 40)
        let bits = [3.0, 2.0, 2.5, 2.0].enumerated().map { k, b -> TrainingRecord in
            var r = TrainingRecord(step: (k + 1) * 10, trainingSeconds: 1, trainLoss: 1, validationAccuracy: 0.9 - Double(k) * 0.1, charactersPerSecond: 1)
            r.validationBitsPerCharacter = b
            return r
        }
        #expect(TrainingCurves.best(bits)?.step == 40)
        #expect(TrainingCurves.best([]) == nil)
        #expect(TrainingCurves.label(accuracies[3]) == "best: step 40, 50%")
        #expect(TrainingCurves.label(bits[1]) == "best: step 20, 2.0 bits/char")
    }

    @Test(arguments: [
        ("step,loss\n", 1, "the header is not 'step,training_seconds,train_loss,validation_accuracy,characters_per_second,validation_loss'"),
        (TrainingRecord.csvHeader + "\n10,1,2,0.5,100\n20,1,2,0.5\n", 3, "expected 5 numbers, found '20,1,2,0.5'"),
        (TrainingRecord.csvHeader + "\n1.5,1,2,0.5,100\n", 2, "expected 5 numbers, found '1.5,1,2,0.5,100'"),
        ("", 1, "the header is not 'step,training_seconds,train_loss,validation_accuracy,characters_per_second,validation_loss'"),
    ])
    func damagedCurvesNameTheLine(text: String, line: Int, reason: String) {
        #expect(throws: TrainingError.badCurves(source: "m.csv", line: line, reason: reason)) {
            try TrainingRecord.records(fromCSV: text, source: "m.csv")
        }
        let message = TrainingError.badCurves(source: "m.csv", line: line, reason: reason).description
        #expect(message == "learning curves 'm.csv', line \(line): \(reason); hint: caesar train writes this file beside the model; train again or remove it")
    }
}
