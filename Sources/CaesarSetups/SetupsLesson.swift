import CaesarCipher
import CaesarDecryption
import CaesarNeural
import CaesarRandom
import CaesarText
import CaesarTraining
import Foundation

/// The recurrent setups side by side on one task: four small LSTMs, trained on the same
/// batches for the same number of steps, then given the very same ciphertexts.
///
/// - many-to-one: reads the ciphertext, writes one of 26 keys; the rotation decrypts.
/// - many-to-many, unidirectional: a character per character, reading left to right, so at
///   the first characters it cannot know the key yet.
/// - many-to-many, bidirectional: a character per character, having read both ways.
/// - encoder–decoder: reads the whole ciphertext, then writes the plaintext from its final
///   state alone, token by token (greedy).
///
/// Measured on messages drawn from the held-out tail of the corpus, with random keys: what
/// each outputs, its characters right by position in the message and by message length, its
/// keys right by length (every setup yields a key, ``NeuralDecrypter``) beside the quadgram
/// scorer's, and its parameter count. Everything follows from `--seed`.
public struct SetupsLesson: Encodable, Sendable {
    public struct Configuration: Sendable {
        /// Text files or folders; the last 10% is held out.
        public var corpus: [String]
        /// Where the models are kept: loaded when there, trained and saved when not. Nil: trained
        /// in a temporary folder and thrown away.
        public var models: String?
        public var seed: UInt64 = 0
        /// Training steps per model.
        public var steps = 5000
        /// H, hidden units per direction.
        public var hidden = 64
        /// L, the longest message, in characters (tokens): models train on windows of 4 … L.
        public var messageLength = 16
        /// Message lengths measured.
        public var lengths = [2, 4, 8, 16]
        /// Messages per length.
        public var messages = 200

        public init(corpus: [String]) {
            self.corpus = corpus
        }
    }

    /// One of the four networks.
    public struct Model: Encodable, Sendable {
        public let role: Role
        public let architecture: String
        public let parameters: Int
        /// Its best validation accuracy (keys for the classifier, characters otherwise), from the file.
        public let validation: Double?
        public let validationMeasure: String
    }

    /// One message and what each network made of it.
    public struct Example: Encodable, Sendable {
        public struct Output: Encodable, Sendable {
            public let role: Role
            public let key: Int
            public let text: String
        }
        public let key: Int
        public let ciphertext: String
        public let plaintext: String
        public let outputs: [Output]
    }

    /// A row of a table: the models' values (in ``Role`` order), then the quadgram scorer's if any.
    public struct Row: Encodable, Sendable {
        public let label: Int
        public let values: [Double]
    }

    public let corpus: String
    public let seed: UInt64
    public let steps: Int
    public let models: [Model]
    public let examples: [Example]
    /// Characters right at each position 1 … L, over messages of L characters.
    public let byPosition: [Row]
    /// Characters right of each model's own output, by message length.
    public let charactersByLength: [Row]
    /// Keys right by message length, the quadgram scorer last.
    public let keysByLength: [Row]
    public let messagesPerLength: Int

    /// Trains (or loads) the four models and measures them; `progress` hears about training.
    public init(_ c: Configuration, progress: (String) -> Void = { _ in }) throws {
        precondition(c.steps > 0 && c.hidden > 0 && c.messages > 0 && c.lengths.allSatisfy { $0 >= 1 } && c.messageLength >= 1)
        let corpus = try TrainingCorpus(paths: c.corpus, validationFraction: Self.validationFraction)
        let folder = c.models ?? FileManager.default.temporaryDirectory.appendingPathComponent("caesar-setups-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if c.models == nil { try? FileManager.default.removeItem(atPath: folder) } }
        var clock = TrainingClock(toTrain: Role.allCases.filter { !FileManager.default.fileExists(atPath: Self.path($0, in: folder)) }.count * c.steps)
        let files = try Role.allCases.map { try Self.model($0, corpus: corpus, in: folder, c, clock: &clock, progress: progress) }
        let decrypters = try zip(Role.allCases, files).map { try NeuralDecrypter(file: $1, path: $0.rawValue) }
        let quadgram = Cracker(method: .quadgram, statistics: try .english())

        var random = SeededGenerator(seed: c.seed)
        let heldOut = corpus.validation
        func messages(_ length: Int, _ count: Int) throws -> [Message] {
            try (0..<count).map { _ in try Message(from: heldOut, length: length, random: &random) }
        }
        let measured = try c.lengths.map { try MessageScores(messages($0, c.messages), decrypters, quadgram) }
        let positional = try MessageScores(messages(c.messageLength, c.messages), decrypters, quadgram)

        self.corpus = corpus.summary + ": " + corpus.files.joined(separator: ", ")
        seed = c.seed
        steps = c.steps
        messagesPerLength = c.messages
        models = zip(Role.allCases, files).map { role, file in
            Model(role: role, architecture: file.architecture.description, parameters: file.parameters.layout.totalCount,
                  validation: Self.validationAccuracy(file), validationMeasure: ValidationSet.metric(of: file.architecture.setup))
        }
        examples = try Set([4, 8, c.messageLength].map { min($0, c.messageLength) }).sorted().map { length in
            try Self.example(Message(from: heldOut, length: length, random: &random), decrypters)
        }
        byPosition = (0..<c.messageLength).map { t in Row(label: t + 1, values: positional.rightAtPosition.map { $0[t] }) }
        charactersByLength = zip(c.lengths, measured).map { Row(label: $0, values: $1.characters) }
        keysByLength = zip(c.lengths, measured).map { Row(label: $0, values: $1.keys) }
    }

    /// What each network makes of one message.
    static func example(_ message: Message, _ decrypters: [NeuralDecrypter]) throws -> Example {
        let outputs = try zip(Role.allCases, decrypters).map { role, decrypter in
            let (ranking, raw) = try decrypter.read(tokens: message.ciphertext)
            return Example.Output(role: role, key: ranking.best.key, text: TextDecoder.decode(indices: raw))
        }
        return Example(key: message.key, ciphertext: TextDecoder.decode(indices: message.ciphertext),
                       plaintext: TextDecoder.decode(indices: message.plaintext), outputs: outputs)
    }

    /// The best validation accuracy recorded in a model's provenance.
    static func validationAccuracy(_ file: ModelFile) -> Double? {
        guard let training = file.metadata["training"],
              let object = try? JSONSerialization.jsonObject(with: Data(training.utf8)) as? [String: Any],
              let text = object["validation_accuracy"] as? String
        else { return nil }
        return Double(text)
    }
}

/// A span of held-out text, encrypted with a random key.
struct Message {
    let key: Int
    let plaintext: [UInt8]
    let ciphertext: [UInt8]

    /// `length` tokens from a uniform start in `stream`, with at least one letter (redrawn until).
    init(from stream: [UInt8], length: Int, random: inout SeededGenerator) throws {
        guard stream.count >= length, stream.contains(where: { $0 < 26 }) else {
            throw SetupsLessonError.heldOutTooShort(letters: stream.count, needed: length)
        }
        var start = 0
        repeat { start = random.uniformInt(below: stream.count - length + 1) } while !stream[start..<(start + length)].contains { $0 < 26 }
        let key = random.uniformInt(below: 26), plaintext = Array(stream[start..<(start + length)])
        self.key = key
        self.plaintext = plaintext
        ciphertext = plaintext.map { Token.shifted(index: $0, by: key) }
    }
}

/// The four models (and the quadgram scorer) on one set of messages.
struct MessageScores {
    /// Per model: the share of characters right of its own output (missing or extra ones wrong).
    let characters: [Double]
    /// Per model, then quadgram: the share of keys right.
    let keys: [Double]
    /// Per model, per position t: the share of messages whose character t is right.
    let rightAtPosition: [[Double]]

    init(_ messages: [Message], _ decrypters: [NeuralDecrypter], _ quadgram: Cracker) throws {
        let length = messages.map(\.plaintext.count).max() ?? 0
        var characters: [Double] = [], keys: [Double] = [], positions: [[Double]] = []
        for decrypter in decrypters {
            var right = 0, total = 0, keysRight = 0
            var atPosition = [Int](repeating: 0, count: length)
            for message in messages {
                let (ranking, raw) = try decrypter.read(tokens: message.ciphertext)
                if ranking.best.key == message.key { keysRight += 1 }
                for (t, token) in message.plaintext.enumerated() where t < raw.count && raw[t] == token {
                    right += 1
                    atPosition[t] += 1
                }
                total += max(raw.count, message.plaintext.count)
            }
            characters.append(Double(right) / Double(max(total, 1)))
            keys.append(Double(keysRight) / Double(messages.count))
            positions.append(atPosition.map { Double($0) / Double(messages.count) })
        }
        let quadgramRight = messages.filter { quadgram.rank($0.ciphertext.filter { $0 < 26 }).best.key == $0.key }.count
        keys.append(Double(quadgramRight) / Double(messages.count))
        self.characters = characters
        self.keys = keys
        rightAtPosition = positions
    }
}
