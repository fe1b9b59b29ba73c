import CaesarNeural
import CaesarText

/// Which keys the training ciphertexts use.
public enum KeySchedule: Equatable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// Every sequence is shifted by this key: the model learns one fixed decryption.
    case fixed(Int)
    /// Each sequence gets a uniform random key in 0…25 (0 included), unknown to the model: it
    /// must infer the key from the text itself.
    case any

    /// `any`, or a whole number taken mod 26 (`-1` is key 25); the inverse of ``description``.
    public init?(parsing text: String) {
        if text == "any" {
            self = .any
            return
        }
        guard let k = Int(text) else { return nil }
        self = .fixed(Token.normalizedKey(k))
    }

    public var description: String {
        switch self {
        case .fixed(let k): return String(k)
        case .any: return "any"
        }
    }
}

/// The optimizer and its settings.
public enum OptimizerChoice: String, Codable, Sendable, CaseIterable {
    case sgd, adam
}

/// Everything that determines a training run. Two runs with equal configurations, equal
/// corpora and equal thread counts produce bit-identical weights on machines whose BLAS uses
/// the same kernels (``BLAS/kernels``); on another CPU they differ in the last bits, and the
/// difference grows over the steps as any two runs' rounding does.
public struct TrainingConfiguration: Equatable, Codable, Sendable {
    public var architecture: Architecture
    public var key: KeySchedule = .any
    /// Steps per sequence, [start] and [end] included (64 = 62 characters of text).
    public var sequenceLength = 64
    /// With a minimum, each batch's sequences have a length drawn uniformly from
    /// `minimumSequenceLength ... sequenceLength`, so the network also learns short messages.
    public var minimumSequenceLength: Int?
    public var batchSize = 32
    public var optimizer: OptimizerChoice = .adam
    public var learningRate = 3e-3
    /// SGD only.
    public var momentum = 0.0
    /// Global gradient-norm clipping; nil turns it off.
    public var clip: Double? = 5
    public var truncation: Truncation = .full
    /// Optimizer steps to take in all (the run stops earlier on other conditions).
    public var steps = 2000
    public var seed: UInt64 = 0
    /// The tail of the corpus held out for validation.
    public var validationFraction = 0.05
    /// Validate every this many steps.
    public var validationInterval = 100
    /// Non-overlapping windows of the validation text used per validation.
    public var validationWindows = 512
    /// Stop once validation accuracy reaches this; nil trains all `steps`.
    public var targetAccuracy: Double?
    /// Worker threads.
    public var threads = 2

    public init(architecture: Architecture) {
        self.architecture = architecture
    }

    /// Characters of text per sequence (without [start] and [end]), at most.
    public var contentLength: Int { sequenceLength - 2 }
    /// The fewest characters of text per sequence.
    public var minimumContentLength: Int { (minimumSequenceLength ?? sequenceLength) - 2 }
}

extension Truncation: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Truncation(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad truncation '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `full`, `truncated:K` or `random:K`.
    public init?(parsing text: String) {
        if text == "full" {
            self = .full
            return
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[1]), k > 0 else { return nil }
        switch parts[0] {
        case "truncated": self = .every(k)
        case "random": self = .random(meanLength: k)
        default: return nil
        }
    }
}
