import Foundation
import Testing

@testable import CaesarNeural

/// Model files shared with PyTorch in both directions (see Golden/interop.py).
@Suite struct InteropTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let swiftArchitecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, bidirectional: true, outputSize: 31)

    struct Recorded: Decodable {
        let inputs: [[Int32]]
        let pytorch_logits_of_swift_model: [Float]
        let pytorch_logits_of_pytorch_model: [Float]
        var batch: SequenceBatch { SequenceBatch(steps: inputs.count, size: inputs[0].count, inputs: inputs.flatMap { $0 }) }
    }

    static func recorded() throws -> Recorded {
        try JSONDecoder().decode(Recorded.self, from: Data(contentsOf: folder.appendingPathComponent("interop.json")))
    }

    /// The Swift-written fixture: a bidirectional LSTM initialized from seed 42.
    static func swiftModelBytes() -> [UInt8] {
        let model = ManyToManyModel<Float>(architecture: swiftArchitecture, seed: 42)
        return ModelFile(architecture: swiftArchitecture, parameters: model.parameters,
                         metadata: ["training": "untrained: initialized from seed 42 by InteropTests"]).safeTensors().serialized()
    }

    static func expectClose(_ a: [Float], _ b: [Float]) {
        #expect(a.count == b.count)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5, "largest difference \(worst)")
    }

    @Test func theSwiftFixtureIsWhatSwiftWrites() throws {
        let path = Self.folder.appendingPathComponent("swift-model.safetensors")
        if ProcessInfo.processInfo.environment["CAESAR_RECORD_INTEROP"] == "1" {
            try Data(Self.swiftModelBytes()).write(to: path)  // then run interop.py
        }
        #expect(try [UInt8](Data(contentsOf: path)) == Self.swiftModelBytes(),
                "re-record: CAESAR_RECORD_INTEROP=1 swift test --filter Interop, then run Golden/interop.py")
    }

    @Test func pyTorchGivesTheSameOutputsForASwiftModel() throws {
        let file = try ModelFile.load(from: Self.folder.appendingPathComponent("swift-model.safetensors").path)
        let model = ManyToManyModel<Float>(architecture: file.architecture, parameters: file.parameters)
        let recorded = try Self.recorded()
        Self.expectClose(model.logits(recorded.batch).values, recorded.pytorch_logits_of_swift_model)
    }

    @Test func aModelTrainedInPyTorchRunsInSwift() throws {
        let file = try ModelFile.load(from: Self.folder.appendingPathComponent("pytorch-model.safetensors").path)
        #expect(file.architecture == Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, layers: 2, outputSize: 31))
        #expect(file.metadata["training"]?.hasPrefix("interop.py") == true)
        let model = ManyToManyModel<Float>(architecture: file.architecture, parameters: file.parameters)
        let recorded = try Self.recorded()
        Self.expectClose(model.logits(recorded.batch).values, recorded.pytorch_logits_of_pytorch_model)
    }
}
