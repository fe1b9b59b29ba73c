#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 text from command-line arguments, a file or standard input, read in chunks so that
/// multi-gigabyte input runs in constant memory.
///
/// Every chunk handed out is validated UTF-8 and ends on a character boundary (an unfinished
/// sequence at the end of a read is held back for the next chunk). Invalid bytes stop the
/// read with ``IOError/invalidUTF8(source:offset:)``, which names the absolute byte offset, or,
/// when `lossy` is set, are replaced with U+FFFD the way `String(decoding:as:)` does it.
public final class TextInput {
    public enum Source: Equatable, Sendable {
        case text(String)
        case file(path: String)
        case standardInput
    }

    /// How the source is named in messages ("standard input", "file 'a.txt'").
    public let name: String
    public let lossy: Bool
    private let source: Source
    private var descriptor: Int32 = -1
    private var ownsDescriptor = false
    /// Bytes consumed so far, to report absolute offsets.
    public private(set) var bytesRead = 0

    public init(_ source: Source, lossy: Bool = false) throws {
        self.source = source
        self.lossy = lossy
        switch source {
        case .text:
            name = "the text arguments"
        case .standardInput:
            name = "standard input"
            descriptor = STDIN_FILENO
        case .file(let path):
            name = "file '\(path)'"
            descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw IOError.cannotOpen(path: path, reason: IOError.reason()) }
            ownsDescriptor = true
            var info = stat()
            if fstat(descriptor, &info) == 0, let problem = Self.problem(kind: info.st_mode & S_IFMT, terminal: isatty(descriptor) == 1) {
                Glibc.close(descriptor)
                throw IOError.cannotRead(source: name, reason: problem)
            }
        }
    }

    /// Why a file of this kind cannot be read as text: a folder, or a device such as
    /// /dev/zero or /dev/urandom, which gives bytes forever (a terminal is fine: it ends at ^D).
    static func problem(kind: mode_t, terminal: Bool) -> String? {
        if kind == S_IFDIR { return "it is a directory" }
        if (kind == S_IFCHR || kind == S_IFBLK) && !terminal { return "it is a device, not a text file" }
        return nil
    }

    deinit {
        if ownsDescriptor { Glibc.close(descriptor) }
    }

    /// Calls `body` with successive validated chunks of about `chunkSize` bytes.
    public func forEachChunk(
        chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        if case .text(let string) = source {
            // Arguments are Swift strings, valid by construction.
            var copy = string
            try copy.withUTF8 { try body($0) }
            bytesRead += string.utf8.count
            return
        }
        precondition(chunkSize >= 4, "a chunk must hold a whole UTF-8 sequence")
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var carried = 0  // bytes of an unfinished sequence kept from the previous read
        while true {
            let (filled, atEnd) = try fill(buffer, from: carried)
            let hold = atEnd ? 0 : UTF8Validation.incompleteSuffixLength(of: UnsafeBufferPointer(rebasing: buffer[..<filled]))
            let ready = UnsafeBufferPointer(rebasing: buffer[..<(filled - hold)])
            if let bad = UTF8Validation.firstInvalidOffset(in: ready) {
                guard lossy else { throw IOError.invalidUTF8(source: name, offset: bytesRead + bad) }
                var repaired = String(decoding: ready, as: UTF8.self)
                try repaired.withUTF8 { try body($0) }
            } else if !ready.isEmpty {
                try body(ready)
            }
            bytesRead += ready.count
            if atEnd { return }
            // Move the held-back bytes to the front for the next read.
            for k in 0..<hold { buffer[k] = buffer[filled - hold + k] }
            carried = hold
        }
    }

    /// The whole text, refusing more than `limit` bytes (commands that must see all of it).
    public func readAll(limit: Int = 64 << 20) throws -> String {
        var bytes: [UInt8] = []
        try forEachChunk { chunk in
            guard bytes.count + chunk.count <= limit else { throw IOError.tooLarge(source: name, limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads until the buffer is full or the input ends. Returns the filled count and
    /// whether the end was reached.
    private func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int) throws -> (Int, Bool) {
        var filled = start
        while filled < buffer.count {
            let n = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n > 0 {
                filled += n
            } else if n == 0 {
                return (filled, true)
            } else if errno != EINTR {
                throw IOError.cannotRead(source: name, reason: IOError.reason())
            }
        }
        return (filled, false)
    }
}
