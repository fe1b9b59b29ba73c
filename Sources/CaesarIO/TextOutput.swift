#if canImport(Glibc)
import Glibc
#endif

/// Buffered output to standard output, standard error, or a file that is replaced atomically.
///
/// A file is written to a temporary sibling (`.name.XXXXXX`), synced and renamed over the
/// destination only by ``finish()``: a run that fails half-way, or is killed, never leaves a
/// damaged or half-written file behind.
public final class TextOutput {
    public enum Destination: Equatable, Sendable {
        case standardOutput
        /// For what a command reports beside its result (a key line, progress).
        case standardError
        case file(path: String)
    }

    private let destination: Destination
    private var descriptor: Int32
    private var temporaryPath: String?
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 16
    private var finished = false

    public init(_ destination: Destination) throws {
        self.destination = destination
        switch destination {
        case .standardOutput:
            descriptor = STDOUT_FILENO
        case .standardError:
            descriptor = STDERR_FILENO
        case .file(let path):
            (descriptor, temporaryPath) = try AtomicFile.createTemporary(beside: path)
        }
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if !finished { abandon() }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > bufferLimit { try flush() }
        if bytes.count >= bufferLimit {
            try AtomicFile.writeAll(bytes, to: descriptor, name: name)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(_ string: String) throws {
        var copy = string
        try copy.withUTF8 { try write($0) }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try AtomicFile.writeAll($0, to: descriptor, name: name) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, syncs it and renames it over the destination.
    public func finish() throws {
        try flush()
        finished = true
        if case .file(let path) = destination, let temporary = temporaryPath {
            try AtomicFile.commit(descriptor: descriptor, temporary: temporary, to: path)
            temporaryPath = nil
        }
    }

    /// Drops a half-written file (the destination is left as it was).
    public func abandon() {
        finished = true
        if let temporary = temporaryPath {
            Glibc.close(descriptor)
            unlink(temporary)
            temporaryPath = nil
        }
    }

    private var name: String {
        switch destination {
        case .standardOutput: return "standard output"
        case .standardError: return "standard error"
        case .file(let path): return "'\(path)'"
        }
    }
}
