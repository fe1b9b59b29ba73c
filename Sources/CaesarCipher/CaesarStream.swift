import CaesarIO

/// Encryption, decryption and cracking over input of any size, in constant memory: validated
/// chunks from a ``TextInput`` in, shifted slices out to `emit` (usually a `TextOutput`).
///
/// Cracking cannot wait for the end of a multi-gigabyte stream, so it decides the key from a
/// bounded prefix (``PrefixLimit``) that it holds back, then emits that prefix decrypted and
/// streams the rest.
public enum CaesarStream {
    /// How much of a stream ``crack(_:with:prefix:decided:emit:)`` reads before it decides.
    public struct PrefixLimit: Sendable, Equatable {
        /// Decide once this many letters are in (plenty: quadgrams need about 15).
        public var letters: Int
        /// …or once this many bytes are held, whichever comes first, so that text with few or no
        /// letters still ends in a decision (or an error) in bounded memory.
        public var bytes: Int

        public init(letters: Int = 10_000, bytes: Int = 16 << 20) {
            precondition(letters >= 1 && bytes >= 1, "a prefix holds at least one letter and one byte")
            self.letters = letters
            self.bytes = bytes
        }
    }

    /// Shifts all of `input` by `shift`, handing the result to `emit` in slices of at most
    /// ``sliceSize`` bytes.
    public static func shift(
        _ input: TextInput, by shift: CaesarShift, chunkSize: Int = sliceSize, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let shifter = Shifter()
        try input.forEachChunk(chunkSize: chunkSize) { chunk in
            try shifter.pass(chunk, through: shift, to: emit)
        }
    }

    /// Cracks `input` with `cracker` from its first letters (`prefix`), calls `decided` with
    /// the ranking and the prefix's bytes before any output, then emits the whole input
    /// decrypted, prefix included. Returns the ranking.
    ///
    /// Throws ``CipherError/noLetters(source:scannedBytes:)`` when the prefix has no letter;
    /// nothing has been emitted then.
    @discardableResult
    public static func crack(
        _ input: TextInput, with cracker: Cracker, prefix: PrefixLimit = PrefixLimit(), chunkSize: Int = sliceSize,
        decided: (KeyRanking, _ prefix: [UInt8]) throws -> Void, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> KeyRanking {
        try crack(input, prefix: prefix, chunkSize: chunkSize, rank: { _, letters in cracker.rank(letters) },
                  decided: decided, emit: emit)
    }

    /// The same with any ranker: it reads the prefix as text (a network or a language model its
    /// tokens, a scorer its letters).
    @discardableResult
    public static func crack(
        _ input: TextInput, with ranker: any KeyRanker, prefix: PrefixLimit = PrefixLimit(), chunkSize: Int = sliceSize,
        decided: (KeyRanking, _ prefix: [UInt8]) throws -> Void, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> KeyRanking {
        try crack(input, prefix: prefix, chunkSize: chunkSize, rank: { held, _ in
            try ranker.rank(String(decoding: held, as: UTF8.self), source: input.name, prefixLetters: prefix.letters)
        }, decided: decided, emit: emit)
    }

    /// The same with any way of ranking the keys: `rank` gets the prefix's bytes and its letters
    /// (a–z indices) and ranks the 26 keys; a network reads the bytes, a scorer the letters.
    @discardableResult
    ///
    /// `alphabet` is what the found key moves back: the key is ranked on the letters, and with
    /// ``CaesarShift/Alphabet/lettersAndDigits`` the digits move back by it too.
    public static func crack(
        _ input: TextInput, prefix: PrefixLimit = PrefixLimit(), chunkSize: Int = sliceSize, alphabet: CaesarShift.Alphabet = .letters,
        rank: (_ prefix: [UInt8], _ letters: [UInt8]) throws -> KeyRanking,
        decided: (KeyRanking, _ prefix: [UInt8]) throws -> Void, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> KeyRanking {
        let shifter = Shifter()
        var held: [UInt8] = []  // the undecided prefix, at most prefix.bytes + one chunk
        var letters: [UInt8] = []
        var decision: (ranking: KeyRanking, inverse: CaesarShift)?

        func decide(atEnd: Bool) throws {
            guard !letters.isEmpty else {
                throw CipherError.noLetters(source: input.name, scannedBytes: atEnd ? nil : held.count)
            }
            let ranking = try rank(held, letters)
            let inverse = CaesarShift(key: ranking.best.key, alphabet: alphabet).inverse
            decision = (ranking, inverse)
            try decided(ranking, held)
            try held.withUnsafeBufferPointer { try shifter.pass($0, through: inverse, to: emit) }
            held = []  // release the prefix
        }

        try input.forEachChunk(chunkSize: chunkSize) { chunk in
            if let decision {
                try shifter.pass(chunk, through: decision.inverse, to: emit)
                return
            }
            Letters.append(from: chunk, to: &letters, limit: prefix.letters)
            held.append(contentsOf: chunk)
            if letters.count >= prefix.letters || held.count >= prefix.bytes { try decide(atEnd: false) }
        }
        if decision == nil { try decide(atEnd: true) }
        return decision!.ranking
    }

    /// The read size (`chunkSize`: tests make it small to cross chunk boundaries), and the
    /// most bytes handed to `emit` at once: large enough that system
    /// calls cost nothing next to the shift, small enough to stay in cache.
    public static let sliceSize = 1 << 18

    /// Shifts chunks into one reusable buffer, slice by slice.
    private final class Shifter {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: CaesarStream.sliceSize)

        deinit { buffer.deallocate() }

        func pass(_ bytes: UnsafeBufferPointer<UInt8>, through shift: CaesarShift, to emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let n = min(buffer.count, bytes.count - start)
                shift.apply(base + start, into: buffer.baseAddress!, count: n)
                try emit(UnsafeBufferPointer(start: buffer.baseAddress!, count: n))
                start += n
            }
        }
    }
}
