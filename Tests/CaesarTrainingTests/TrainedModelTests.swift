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
        let network: ManyToManyModel<Double> = try model.manyToManyNetwork()
        #expect(network.parameters.values == model.file.parameters.values.map(Double.init))
        #expect(model.network(Double.self).parameters.values == network.parameters.values)
    }

    @Test func onlyAManyToManyModelGivesAnAlignedNetwork() {
        let architecture = Architecture(cell: .rnn, inputSize: 31, hiddenSize: 2, outputSize: 26, setup: .manyToOne(.finalStates))
        let model = TrainedModel(ModelFile(architecture: architecture, parameters: ParameterSet(layout: ParameterLayout(architecture))), path: "k.safetensors")
        #expect(model.network(Float.self) is KeyClassifier<Float>)
        #expect(throws: TrainingError.notManyToMany(path: "k.safetensors", setup: architecture.setup.description)) {
            _ = try model.manyToManyNetwork(Float.self)
        }
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
}
