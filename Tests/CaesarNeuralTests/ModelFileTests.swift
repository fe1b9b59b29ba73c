import Foundation
import Testing

@testable import CaesarNeural

@Suite struct ModelFileTests {
    static let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 4, layers: 2, bidirectional: true, outputSize: 31)

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("caesar-\(UUID().uuidString)-\(name)").path
    }

    @Test func saveAndLoadGiveTheSameModel() throws {
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 3)
        let file = ModelFile(architecture: Self.architecture, parameters: model.parameters, metadata: ["vocabulary": "[\"a\"]", "cell": "ignored"])
        let path = Self.temporaryPath("model.safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try file.save(to: path)
        let loaded = try ModelFile.load(from: path)
        #expect(loaded.architecture == Self.architecture)
        #expect(loaded.parameters == model.parameters)
        #expect(loaded.metadata["vocabulary"] == "[\"a\"]")
        // Architecture keys are derived from the architecture, never taken from the caller.
        #expect(loaded.metadata["cell"] == nil)
        #expect(loaded.safeTensors().metadata["cell"] == "lstm")
        #expect(loaded.safeTensors().metadata["gate_order"] == "i,f,g,o")
    }

    /// Every setup round-trips, its setup and pooling in the metadata; a file without a setup
    /// (written before setups existed) is many-to-many.
    @Test(arguments: [Setup.manyToMany, .manyToOne(.finalStates), .manyToOne(.mean), .encoderDecoder])
    func everySetupIsSavedAndLoaded(setup: Setup) throws {
        var architecture = Self.architecture
        architecture.setup = setup
        let model: any TrainableModel<Float> = makeTrainableModel(architecture: architecture, seed: 4)
        var file = ModelFile(architecture: architecture, parameters: model.parameters).safeTensors()
        #expect(file.metadata["setup"] == setup.name && file.metadata["pooling"] == setup.pooling?.rawValue)
        #expect(file.metadata["format_version"] == (setup == .manyToMany ? "1" : "2"))
        let loaded = try ModelFile(file)
        #expect(loaded.architecture == architecture && loaded.parameters == model.parameters)
        if setup == .manyToMany {
            file.metadata["setup"] = nil
            #expect(try ModelFile(file).architecture.setup == .manyToMany)
        }
    }

    /// Configurations saved before setups existed decode as many-to-many.
    @Test func architecturesWithoutASetupDecodeAsManyToMany() throws {
        let old = #"{"cell":"lstm","inputSize":31,"hiddenSize":8,"layers":1,"bidirectional":true,"outputSize":31}"#
        #expect(try JSONDecoder().decode(Architecture.self, from: Data(old.utf8)).setup == .manyToMany)
        var architecture = Self.architecture
        architecture.setup = .manyToOne(.mean)
        #expect(try JSONDecoder().decode(Architecture.self, from: JSONEncoder().encode(architecture)) == architecture)
        let bad = #"{"cell":"lstm","inputSize":31,"hiddenSize":8,"layers":1,"bidirectional":true,"outputSize":31,"setup":"many-to-one"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Architecture.self, from: Data(bad.utf8)) }
    }

    static func reasons() -> [(String, @Sendable (inout SafeTensors) -> Void, String)] {
        [
            ("format", { $0.metadata["format"] = "other" }, "its format is 'other'"),
            ("no format", { $0.metadata["format"] = nil }, "no 'format'"),
            ("version", { $0.metadata["format_version"] = "9" }, "format version 9 is newer"),
            ("cell", { $0.metadata["cell"] = "gru" }, "metadata 'cell' is 'gru'"),
            ("gates", { $0.metadata["gate_order"] = "i,f,o,g" }, "metadata 'gate_order' is 'i,f,o,g'"),
            ("hidden", { $0.metadata["hidden_size"] = "5" }, "tensor 'rnn.weight_ih_l0' has shape [16, 31], expected [20, 31]"),
            ("size", { $0.metadata["num_layers"] = "0" }, "metadata 'num_layers' is '0'"),
            ("missing", { $0.tensors.removeLast() }, "no tensor 'out.bias'"),
            ("extra", { $0.tensors.append(SafeTensors.tensor("rnn.weight_ih_l9", shape: [1], values: [0])) }, "tensor 'rnn.weight_ih_l9' does not belong"),
            ("setup", { $0.metadata["setup"] = "one-to-many" }, "metadata 'setup' is 'one-to-many'"),
            ("no pooling", { $0.metadata["setup"] = "many-to-one" }, "metadata 'pooling' is missing"),
            ("pooling", { $0.metadata["pooling"] = "max" }, "metadata 'pooling' is 'max'"),
            ("stray pooling", { $0.metadata["pooling"] = "mean" }, "metadata 'pooling' is 'mean'"),
            ("setup tensors", { $0.metadata["setup"] = "encoder-decoder" }, "tensor 'rnn.weight_ih_l0' does not belong to a lstm 2x4 bidirectional, encoder-decoder (31 → 31) network"),
        ]
    }

    @Test(arguments: reasons())
    func inconsistentFilesAreRefused(name: String, damage: @Sendable (inout SafeTensors) -> Void, expected: String) throws {
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 3)
        var file = ModelFile(architecture: Self.architecture, parameters: model.parameters).safeTensors()
        damage(&file)
        let path = Self.temporaryPath("\(name).safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try file.serialized().withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
        do {
            _ = try ModelFile.load(from: path)
            Issue.record("\(name): accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("model '\(path)': "), "\(message)")
            #expect(message.contains(expected), "\(name): \(message)")
            #expect(message.contains("hint:") && !message.contains("\n"))
        }
    }

    @Test func aFailedSaveLeavesTheOldFileAlone() throws {
        let folder = Self.temporaryPath("no-such-folder")
        let model = ManyToManyModel<Float>(architecture: Self.architecture, seed: 3)
        let file = ModelFile(architecture: Self.architecture, parameters: model.parameters)
        #expect(throws: (any Error).self) { try file.save(to: folder + "/model.safetensors") }
        #expect(throws: (any Error).self) { try ModelFile.load(from: folder) }
    }
}
