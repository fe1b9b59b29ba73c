/// Why a safetensors file was refused. Each message names the problem and gives a hint.
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    case truncated(size: Int)
    case headerTooLarge(size: UInt64)
    case headerBeyondFile(size: UInt64, fileSize: Int)
    case badHeader(reason: String)
    case badMetadata(reason: String)
    case badTensor(name: String, reason: String)
    case unsupportedDType(name: String, dtype: String)
    case offsetsOutOfBounds(name: String, begin: Int, end: Int, dataSize: Int)
    case sizeMismatch(name: String, shape: [Int], dtype: String, bytes: Int)
    case notContiguous(tensor: String, begin: Int, expected: Int)
    case trailingData(used: Int, size: Int)
    case notFinite(name: String, index: Int)
    case integrityFailed(recorded: String, actual: String)

    private static let damaged = "hint: the file is damaged or not a safetensors file; re-save it"

    public var description: String {
        switch self {
        case .truncated(let size):
            return "file of \(size) bytes is too short for a safetensors header; \(Self.damaged)"
        case .headerTooLarge(let size):
            return "header claims \(size) bytes, more than the \(SafeTensors.maximumHeaderSize >> 20) MiB allowed; \(Self.damaged)"
        case .headerBeyondFile(let size, let fileSize):
            return "header claims \(size) bytes but the file has only \(fileSize); \(Self.damaged)"
        case .badHeader(let reason):
            return "header is not valid JSON: \(reason); \(Self.damaged)"
        case .badMetadata(let reason):
            return "bad __metadata__: \(reason); \(Self.damaged)"
        case .badTensor(let name, let reason):
            return "tensor '\(name)': \(reason); \(Self.damaged)"
        case .unsupportedDType(let name, let dtype):
            return "tensor '\(name)' has dtype \(dtype); hint: save the weights as float32 (F32), float64 (F64) or float16 (F16)"
        case .offsetsOutOfBounds(let name, let begin, let end, let dataSize):
            return "tensor '\(name)' spans bytes \(begin)..<\(end) of a \(dataSize)-byte data section; \(Self.damaged)"
        case .sizeMismatch(let name, let shape, let dtype, let bytes):
            return "tensor '\(name)' of shape \(shape) and dtype \(dtype) has \(bytes) bytes of data; \(Self.damaged)"
        case .notContiguous(let tensor, let begin, let expected):
            return "tensor '\(tensor)' starts at byte \(begin), not \(expected): data overlaps or has gaps; \(Self.damaged)"
        case .trailingData(let used, let size):
            return "tensors use \(used) of \(size) data bytes; \(Self.damaged)"
        case .integrityFailed(let recorded, let actual):
            let shown = { (hash: String) in hash.count > 16 ? String(hash.prefix(16)) + "…" : hash }
            return "its tensors hash to \(shown(actual)), not to the \(shown(recorded)) recorded when it was written: the file is damaged; hint: copy it again from where it came from, or re-save it"
        case .notFinite(let name, let index):
            return "tensor '\(name)' holds NaN or infinity at element \(index); hint: the model diverged while training; use an earlier checkpoint or retrain with a lower learning rate"
        }
    }
}
