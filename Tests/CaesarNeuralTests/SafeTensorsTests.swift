import CaesarRandom
import Testing

@testable import CaesarNeural

@Suite struct SafeTensorsTests {
    /// A file with the given header text and data bytes.
    static func file(header: String, data: [UInt8] = []) -> [UInt8] {
        let h = Array(header.utf8)
        return withUnsafeBytes(of: UInt64(h.count).littleEndian) { Array($0) } + h + data
    }

    static let eightBytes: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 64]  // Float 1, 2

    @Test func roundTripKeepsMetadataShapesAndBits() throws {
        let values: [Float] = [1.5, -0.0, .leastNonzeroMagnitude, 3.4e38, 1 / 3]
        let original = SafeTensors(
            metadata: ["a": "x", "b": "ü \"quoted\"\n"],
            tensors: [SafeTensors.tensor("w", shape: [5], values: values), SafeTensors.tensor("empty", shape: [0, 3], values: [])])
        let bytes = original.serialized()
        let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect((8 + headerLength) % 8 == 0)  // header padded with spaces so the data is 8-byte aligned
        let read = try SafeTensors(bytes: bytes)
        #expect(read.metadata == original.metadata)
        #expect(read["w"]!.shape == [5])
        #expect(try read["w"]!.floats().map(\.bitPattern) == values.map(\.bitPattern))
        #expect(read["empty"]!.shape == [0, 3])
    }

    @Test func readsWhatOtherWritersWrite() throws {
        // Unpadded header, tensors listed out of offset order, F64.
        let header = #"{"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}"#
        let one = withUnsafeBytes(of: (0.25 as Double).bitPattern.littleEndian) { Array($0) }
        let file = try SafeTensors(bytes: Self.file(header: header, data: one + Self.eightBytes))
        #expect(file.tensors.map(\.name) == ["a", "b"])
        #expect(try file["a"]!.floats() == [0.25])
        #expect(try file["b"]!.floats() == [1, 2])
    }

    static let damaged: [(String, [UInt8], String)] = [
        ("short", [1, 2, 3], "too short"),
        ("huge header", [0, 0, 0, 0, 0, 0, 0, 1], "more than the 100 MiB"),
        ("header past end", file(header: "{}").dropLast(1) + [], "only"),
        ("not an object", file(header: "[1]"), "does not start with '{'"),
        ("not JSON", file(header: "{\"a\":}"), "not valid JSON"),
        ("duplicate", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: eightBytes), "duplicate key \"a\""),
        ("bad UTF-8", file(header: "{\"\u{FF}\":1}").enumerated().map { $0.offset == 10 ? 0xFF : $0.element }, "invalid UTF-8"),
        ("dtype", file(header: #"{"a":{"dtype":"I8","shape":[8],"data_offsets":[0,8]}}"#, data: eightBytes), "dtype I8"),
        ("size", file(header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: eightBytes), "has 8 bytes of data"),
        ("bounds", file(header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: eightBytes), "spans bytes 0..<16"),
        ("gap", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: eightBytes), "starts at byte 4, not 0"),
        ("overlap", file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: eightBytes), "not 8"),
        ("trailing", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: eightBytes), "use 4 of 8"),
        ("negative", file(header: #"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: eightBytes), "not a list of sizes"),
        ("overflow", file(header: #"{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}"#, data: eightBytes), "larger than the file"),
        ("extra field", file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],"x":1}}"#, data: eightBytes), "unknown field 'x'"),
        ("metadata", file(header: #"{"__metadata__":{"k":1}}"#), "'k' is not a string"),
    ]

    @Test(arguments: damaged)
    func damagedFilesAreRefusedWithAReason(name: String, bytes: [UInt8], expected: String) {
        do {
            _ = try SafeTensors(bytes: bytes)
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.description.contains(expected), "\(name): \(error)")
            #expect(error.description.contains("hint:"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func nonFiniteValuesAreRefused() throws {
        let nan = withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { Array($0) }
        let file = try SafeTensors(bytes: Self.file(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0] + nan))
        #expect(throws: SafeTensorsError.notFinite(name: "w", index: 1)) { try file["w"]!.floats() }
    }

    /// Flipping random bytes of a valid model file never crashes the reader: it either
    /// loads or refuses with a message.
    @Test func corruptedModelFilesNeverCrash() {
        let architecture = Architecture(cell: .lstm, inputSize: 4, hiddenSize: 2, bidirectional: true, outputSize: 3)
        let model = ManyToManyModel<Float>(architecture: architecture, seed: 1)
        let valid = ModelFile(architecture: architecture, parameters: model.parameters).safeTensors().serialized()
        var rng = SeededGenerator(seed: 99)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<(1 + rng.uniformInt(below: 3)) {
                bytes[rng.uniformInt(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.uniformInt(below: 10) == 0 { bytes.removeLast(rng.uniformInt(below: bytes.count)) }
            do {
                _ = try ModelFile(SafeTensors(bytes: bytes))
            } catch {
                refused += 1
                #expect(!"\(error)".isEmpty)
            }
        }
        #expect(refused > 1000)
    }
}
