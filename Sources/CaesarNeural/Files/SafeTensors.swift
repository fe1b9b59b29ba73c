import CaesarIO
import Crypto

/// The safetensors format (Hugging Face): the model-file format users of this field load
/// everywhere, with no code execution on load.
///
///     ┌──────────────┬──────────────────────────────┬──────────────────────────┐
///     │ N: UInt64 LE │ N bytes: JSON header (UTF-8) │ tensor data, little-endian│
///     └──────────────┴──────────────────────────────┴──────────────────────────┘
///
/// The header maps each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}`
/// (offsets relative to the data section) and may hold `"__metadata__"`, a map of strings.
/// Reading validates everything a damaged or hostile file could get wrong; see
/// ``SafeTensorsError``.
public struct SafeTensors: Equatable, Sendable {
    /// The element types this reads and writes: floating-point weights, and the unsigned
    /// integers and half-precision values of the n-gram language models' tries.
    public enum DType: String, Sendable, CaseIterable {
        case f16 = "F16"
        case f32 = "F32"
        case f64 = "F64"
        case u32 = "U32"

        public var size: Int {
            switch self {
            case .f16: return 2
            case .f32, .u32: return 4
            case .f64: return 8
            }
        }
    }

    public struct Tensor: Equatable, Sendable {
        public let name: String
        public let dtype: DType
        public let shape: [Int]
        /// The raw little-endian values; ``floats()`` decodes them.
        public let bytes: ArraySlice<UInt8>

        public var count: Int { shape.reduce(1, *) }
    }

    /// Headers larger than this are refused before parsing (the reference implementation's cap).
    public static let maximumHeaderSize = 100 << 20

    public var metadata: [String: String]
    /// In file order (by data offset).
    public var tensors: [Tensor]
    /// Whether the file said what its tensor bytes hash to, and whether they did.
    public private(set) var integrity = Integrity.absent

    /// The check a writer records and a reader verifies: the SHA-256 of the data section
    /// (every tensor's bytes, in file order), in `__metadata__["sha256"]` as 64 hex digits.
    /// A file with a damaged byte fails it; a file written elsewhere (PyTorch's `save_file`)
    /// has none, and loads with its integrity unchecked. (It guards against damage, not
    /// forgery: anyone who changes the weights can write the new hash.)
    public enum Integrity: String, Sendable, Equatable {
        case verified, absent
    }

    /// The metadata key of the hash.
    public static let hashKey = "sha256"

    /// Lowercase hex digits, two a byte.
    static func hex<S: Sequence<UInt8>>(_ bytes: S) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out += [digits[Int(b >> 4)], digits[Int(b & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }

    public init(metadata: [String: String], tensors: [Tensor]) {
        self.metadata = metadata
        self.tensors = tensors
    }

    public subscript(name: String) -> Tensor? { tensors.first { $0.name == name } }

    // MARK: - Writing

    /// A tensor of `Float` values (F32).
    public static func tensor(_ name: String, shape: [Int], values: [Float]) -> Tensor {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values for shape \(shape)")
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 4)
        for v in values {
            let bits = v.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return Tensor(name: name, dtype: .f32, shape: shape, bytes: bytes[...])
    }

    /// A tensor of `Float` values stored as half precision (F16): half the bytes, about three
    /// significant digits (values must lie within ±65504).
    public static func tensor(_ name: String, shape: [Int], halfPrecision values: [Float]) -> Tensor {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values for shape \(shape)")
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 2)
        for v in values {
            precondition(v.isFinite && abs(v) <= Float(Float16.greatestFiniteMagnitude), "\(v) does not fit in half precision")
            withUnsafeBytes(of: Float16(v).bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Tensor(name: name, dtype: .f16, shape: shape, bytes: bytes[...])
    }

    /// A tensor of unsigned 32-bit integers (U32).
    public static func tensor(_ name: String, shape: [Int], integers values: [UInt32]) -> Tensor {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values for shape \(shape)")
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 4)
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        return Tensor(name: name, dtype: .u32, shape: shape, bytes: bytes[...])
    }

    /// The file's bytes: header (keys in order: metadata, then tensors), padded with spaces to
    /// a multiple of 8 so the data section is aligned, then the data.
    public func serialized() -> [UInt8] {
        var members: [(key: String, value: JSONValue)] = []
        var metadata = self.metadata
        var hasher = SHA256()
        for t in tensors { t.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        metadata[Self.hashKey] = Self.hex(hasher.finalize())
        members.append(("__metadata__", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        var offset = 0
        for t in tensors {
            members.append((t.name, .object([
                ("dtype", .string(t.dtype.rawValue)),
                ("shape", .array(t.shape.map { .integer($0) })),
                ("data_offsets", .array([.integer(offset), .integer(offset + t.bytes.count)])),
            ])))
            offset += t.bytes.count
        }
        var header = Array(JSONValue.object(members).serialized.utf8)
        while (8 + header.count) % 8 != 0 { header.append(0x20) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for t in tensors { bytes.append(contentsOf: t.bytes) }
        return bytes
    }

    // MARK: - Reading

    /// Parses and validates a whole file.
    public init(bytes: [UInt8]) throws(SafeTensorsError) {
        guard bytes.count >= 8 else { throw .truncated(size: bytes.count) }
        var n: UInt64 = 0
        for k in 0..<8 { n |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        guard n <= UInt64(SafeTensors.maximumHeaderSize) else { throw .headerTooLarge(size: n) }
        guard n <= UInt64(bytes.count - 8) else { throw .headerBeyondFile(size: n, fileSize: bytes.count) }
        let header = bytes[8..<(8 + Int(n))]
        guard header.first == UInt8(ascii: "{") else { throw .badHeader(reason: "it does not start with '{'") }
        if let bad = UTF8Validation.firstInvalidOffset(in: header) {
            throw .badHeader(reason: "invalid UTF-8 at byte \(8 + bad)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(header) } catch { throw .badHeader(reason: "\(error)") }
        guard case .object(let members) = json else { throw .badHeader(reason: "it is not a JSON object") }

        let data = bytes[(8 + Int(n))...]
        var metadata: [String: String] = [:]
        var entries: [(name: String, dtype: DType, shape: [Int], begin: Int, end: Int)] = []
        for (key, value) in members {
            if key == "__metadata__" {
                guard case .object(let pairs) = value else { throw .badMetadata(reason: "__metadata__ is not an object") }
                for (k, v) in pairs {
                    guard case .string(let s) = v else { throw .badMetadata(reason: "the value of '\(k)' is not a string") }
                    metadata[k] = s
                }
                continue
            }
            entries.append(try SafeTensors.entry(key, value, dataSize: data.count))
        }
        // The data section must be exactly the tensors, back to back, in offset order.
        entries.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var expected = 0
        for e in entries {
            guard e.begin == expected else { throw .notContiguous(tensor: e.name, begin: e.begin, expected: expected) }
            expected = e.end
        }
        guard expected == data.count else { throw .trailingData(used: expected, size: data.count) }
        if let recorded = metadata[Self.hashKey] {
            let actual = Self.hex(data.withUnsafeBytes { SHA256.hash(data: $0) })
            guard recorded == actual else { throw .integrityFailed(recorded: recorded, actual: actual) }
            integrity = .verified
            metadata[Self.hashKey] = nil
        }
        self.metadata = metadata
        tensors = entries.map { e in
            Tensor(name: e.name, dtype: e.dtype, shape: e.shape, bytes: data[(data.startIndex + e.begin)..<(data.startIndex + e.end)])
        }
    }

    private static func entry(_ name: String, _ value: JSONValue, dataSize: Int) throws(SafeTensorsError)
        -> (name: String, dtype: DType, shape: [Int], begin: Int, end: Int)
    {
        guard case .object(let fields) = value else { throw .badTensor(name: name, reason: "its entry is not an object") }
        if let unknown = fields.first(where: { !["dtype", "shape", "data_offsets"].contains($0.key) }) {
            throw .badTensor(name: name, reason: "unknown field '\(unknown.key)'")
        }
        guard case .string(let dtypeName) = value["dtype"] else { throw .badTensor(name: name, reason: "no dtype") }
        guard let dtype = DType(rawValue: dtypeName) else { throw .unsupportedDType(name: name, dtype: dtypeName) }
        guard case .array(let dims) = value["shape"] else { throw .badTensor(name: name, reason: "no shape") }
        var shape: [Int] = []
        var count = 1
        for d in dims {
            guard case .integer(let size) = d, size >= 0 else { throw .badTensor(name: name, reason: "shape \(dims.map(\.serialized)) is not a list of sizes") }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= dataSize else { throw .badTensor(name: name, reason: "shape \(dims.map(\.serialized)) is larger than the file") }
            count = product
            shape.append(size)
        }
        guard case .array(let offsets) = value["data_offsets"], offsets.count == 2,
              case .integer(let begin) = offsets[0], case .integer(let end) = offsets[1]
        else { throw .badTensor(name: name, reason: "data_offsets is not [begin, end]") }
        guard 0 <= begin, begin <= end, end <= dataSize else {
            throw .offsetsOutOfBounds(name: name, begin: begin, end: end, dataSize: dataSize)
        }
        guard end - begin == count * dtype.size else {
            throw .sizeMismatch(name: name, shape: shape, dtype: dtype.rawValue, bytes: end - begin)
        }
        return (name, dtype, shape, begin, end)
    }
}

extension SafeTensors.Tensor {
    /// The values as `Float` (F64 is rounded, F16 widened); refuses NaN, infinities and integers.
    public func floats() throws(SafeTensorsError) -> [Float] {
        guard dtype != .u32 else { throw .badTensor(name: name, reason: "it holds integers (U32), not floating-point values") }
        // One loop per dtype, so that each is a plain conversion loop.
        let values = bytes.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { out, initialized in
                switch dtype {
                case .f16:
                    for k in 0..<out.count { out[k] = Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self)))) }
                case .f32:
                    for k in 0..<out.count { out[k] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))) }
                case .f64:
                    for k in 0..<out.count { out[k] = Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)))) }
                case .u32: preconditionFailure("refused above")
                }
                initialized = out.count
            }
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw .notFinite(name: name, index: bad) }
        return values
    }

    /// The values of a U32 tensor.
    public func unsignedIntegers() throws(SafeTensorsError) -> [UInt32] {
        guard dtype == .u32 else { throw .badTensor(name: name, reason: "it holds \(dtype.rawValue) values, not unsigned integers (U32)") }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
        }
    }
}
