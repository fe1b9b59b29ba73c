import Foundation
import Testing

@testable import CaesarNeural

/// Model files are untrusted input. Each test here is an attack that once worked (a crash, a
/// runaway allocation, a hang, a silent wrong answer) and is now refused by name, in a line.
@Suite struct HostileModelFileTests {
    static let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 4, layers: 1, bidirectional: false, outputSize: 31)
    static func file() -> SafeTensors {
        ModelFile(architecture: architecture, parameters: ManyToManyModel<Float>(architecture: architecture, seed: 1).parameters).safeTensors()
    }

    static func refusal(_ file: SafeTensors) -> String? {
        do {
            _ = try ModelFile(SafeTensors(bytes: file.serialized()))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Metadata claiming a network of 64 layers of 65,536 units (a 2.4 KB file once asked for
    /// 26 TB): the tensors are checked against the claim before anything is allocated.
    @Test func hugeSizesInTheMetadataAllocateNothing() {
        var file = Self.file()
        file.metadata["hidden_size"] = "65536"
        file.metadata["num_layers"] = "64"
        let message = Self.refusal(file)
        #expect(message?.contains("tensor 'rnn.weight_ih_l0' has shape [16, 31], expected [262144, 31]") == true, "\(message ?? "accepted")")
    }

    @Test(arguments: ["-1", "0", "+0", "1e3", ""])
    func formatVersionsBelowOneAreRefused(_ version: String) {
        var file = Self.file()
        file.metadata["format_version"] = version
        #expect(Self.refusal(file)?.contains("metadata 'format_version'") == true)
    }

    /// Every weight 1e30: finite, so it passed the NaN check, and every answer was nonsense.
    @Test func weightsNoTrainedNetworkReachesAreRefused() {
        var file = Self.file()
        let count = file.tensors[1].shape.reduce(1, *)
        file.tensors[1] = SafeTensors.tensor(file.tensors[1].name, shape: file.tensors[1].shape, values: [Float](repeating: 1e30, count: count))
        let message = Self.refusal(file) ?? "accepted"
        #expect(message.contains("holds 1e+30 at element 0, beyond ±10000.0") && message.contains("hint:"), "\(message)")
    }

    /// One changed byte in the weights made a model that answered "confidence 1.0000" wrongly.
    @Test func aChangedByteIsCaughtByTheRecordedHash() throws {
        var bytes = Self.file().serialized()
        bytes[bytes.count - 10] ^= 0x53
        #expect(throws: SafeTensorsError.self) { try SafeTensors(bytes: bytes) }
        do {
            _ = try SafeTensors(bytes: bytes)
        } catch {
            #expect("\(error)".contains("the file is damaged; hint:"))
        }
        let intact = try SafeTensors(bytes: Self.file().serialized())
        #expect(intact.integrity == .verified && intact.metadata[SafeTensors.hashKey] == nil)
        #expect(try ModelFile(intact).integrity == .verified)
    }

    /// A file written elsewhere (PyTorch) has no hash: it loads, its integrity unchecked.
    @Test func aFileWithoutHashLoadsAsUnchecked() throws {
        var bytes = Self.file().serialized()
        let header = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
        let text = String(decoding: bytes[8..<(8 + header)], as: UTF8.self)
        let hash = try #require(text.range(of: #","sha256":"[0-9a-f]{64}""#, options: .regularExpression))
        let spaces = String(repeating: " ", count: text.distance(from: hash.lowerBound, to: hash.upperBound))
        bytes.replaceSubrange(8..<(8 + header), with: Array(text.replacingCharacters(in: hash, with: spaces).utf8))
        let read = try SafeTensors(bytes: bytes)
        #expect(read.integrity == .absent)
        #expect(try ModelFile(read).integrity == .absent)
    }

    /// `sequenceLength` = Int.max in the provenance once overflowed the window arithmetic.
    @Test(arguments: ["9223372036854775807", "-5", "2", "4097", "1e9", "\"64\""])
    func trainedSequenceLengthsOutOfRangeAreIgnored(_ value: String) throws {
        var model = try ModelFile(Self.file())
        model.metadata["training"] = #"{"configuration":"{\"sequenceLength\":"# + value + #"}"}"#
        #expect(model.trainedSequenceLength == nil)
        model.metadata["training"] = #"{"configuration":"{\"sequenceLength\":64}"}"#
        #expect(model.trainedSequenceLength == 64)
    }

    /// A metadata value of 1 MB took 80 s to parse (quadratic); now it is one pass.
    @Test func aLongMetadataStringParsesInOnePass() throws {
        var file = Self.file()
        let long = String(repeating: "a\\\"é", count: 1 << 18)
        file.metadata["notes"] = long
        let read = try ModelFile(SafeTensors(bytes: file.serialized()))
        #expect(read.metadata["notes"] == long)
    }
}
