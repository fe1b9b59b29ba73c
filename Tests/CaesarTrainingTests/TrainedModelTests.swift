import CaesarNeural
import Foundation
import Testing

@testable import CaesarTraining

/// Reading back what the trainer writes into a model file.
@Suite struct TrainedModelTests {
    @Test func keySchedulesParseAsTheyPrint() {
        #expect(KeySchedule(parsing: "any") == .any)
        #expect(KeySchedule(parsing: "3") == .fixed(3))
        #expect(KeySchedule(parsing: "-1") == .fixed(25))
        #expect(KeySchedule(parsing: "55") == .fixed(3))
        #expect(KeySchedule(parsing: "three") == nil && KeySchedule(parsing: "") == nil)
        for key in [KeySchedule.any, .fixed(0), .fixed(25)] { #expect(KeySchedule(parsing: key.description) == key) }
    }

    @Test func aTrainedModelCarriesItsKeyProvenanceAndCommand() throws {
        let folder = Fixtures.folder()
        let c = Fixtures.configuration(key: .fixed(7), steps: 20)
        let split = Fixtures.text.count * 9 / 10
        let trainer = try Trainer(configuration: c, training: Array(Fixtures.text[..<split]), validation: Array(Fixtures.text[split...]),
                                  outputs: Fixtures.outputs(in: folder))
        trainer.corpusDescription = "the fixtures"
        trainer.metadata["training_command"] = "caesar train fixtures --key 7"
        _ = try trainer.run()
        let model = try TrainedModel.load(from: folder + "/model.safetensors")
        #expect(model.key == .fixed(7) && model.keyOrAny == .fixed(7))
        #expect(model.path == folder + "/model.safetensors" && TrainedModel(model.file).path == nil)
        #expect(model.command == "caesar train fixtures --key 7")
        let provenance = try #require(model.provenance)
        #expect(provenance.corpus == "the fixtures")
        #expect(provenance.configuration == c)
        let best = trainer.state.records.first { $0.step == trainer.state.bestStep }!
        #expect(provenance.step == trainer.state.bestStep)
        #expect(provenance.validationAccuracy == Double(String(format: "%.5f", best.validationAccuracy)))
        #expect(model.architecture == c.architecture)
        #expect(throws: TrainingError.checkpointIsNotAModel(path: folder + "/model.checkpoint.safetensors")) {
            try TrainedModel.load(from: folder + "/model.checkpoint.safetensors")
        }
        #expect(TrainingError.checkpointIsNotAModel(path: "m.checkpoint.safetensors").description
            == "'m.checkpoint.safetensors' is a training checkpoint (the latest weights and the optimizer's state), not a model; hint: give 'm.safetensors', the best model caesar train saved beside it")
        let network: SequenceModel<Double> = model.network()
        #expect(network.parameters.values == model.file.parameters.values.map(Double.init))
    }

    @Test func aFileWithoutTrainingMetadataStillLoads() {
        let architecture = Architecture(cell: .rnn, inputSize: 31, hiddenSize: 2, outputSize: 31)
        let file = ModelFile(architecture: architecture, parameters: ParameterSet(layout: ParameterLayout(architecture)),
                             metadata: ["cipher_key": "later", "training": "not json"])
        let model = TrainedModel(file)
        #expect(model.key == nil && model.keyOrAny == .any)
        #expect(model.provenance == nil && model.command == nil)
        #expect(TrainingProvenance(json: #"{"corpus":"c","step":"x"}"#) == TrainingProvenance(json: #"{"corpus":"c"}"#))
    }

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
