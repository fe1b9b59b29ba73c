import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and atomic whole-file writes (temporary file, fsync, rename), shared by
/// text output and model files.
public enum AtomicFile {
    /// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let (fd, temporary) = try createTemporary(beside: path)
        do {
            try writeAll(bytes.assumingMemoryBound(to: UInt8.self), to: fd, name: "'\(path)'")
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        try commit(descriptor: fd, temporary: temporary, to: path)  // closes fd, cleans up on failure
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Reads a whole file, refusing files larger than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError.cannotOpen(path: path, reason: IOError.reason()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOError.cannotRead(source: "'\(path)'", reason: IOError.reason()) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw IOError.cannotRead(source: "'\(path)'", reason: "it is a directory")
        }
        guard Int(info.st_size) <= limit else { throw IOError.tooLarge(source: "'\(path)'", limit: limit) }
        // Read straight into the array's storage: no zeroing first (it is all overwritten).
        var failure: Error?
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n == 0 { break }  // the file shrank while we read it
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = IOError.cannotRead(source: "'\(path)'", reason: IOError.reason())
                    return
                }
                filled += n
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// `"runs/m.csv"` → `("runs/", "m.csv")`, `"m.csv"` → `("", "m.csv")`. (Not NSString's
    /// path methods: swift-corelibs-foundation traps on some one-component paths.)
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    /// Removes the temporary files that writes of `path` left when their process was killed
    /// (`.NAME.XXXXXX` beside it, as ``createTemporary(beside:)`` names them). Only safe when
    /// nothing else is writing `path` (a caller holds a lock on it).
    public static func removeLeftoverTemporaries(of path: String) {
        let (folder, name) = split(path)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for entry in entries where entry.hasPrefix("." + name + ".") && entry.count == name.count + ".XXXXXX".count + 1 {
            unlink(folder + entry)
        }
    }

    /// Opens a new temporary file in the destination's folder (so `rename` is atomic).
    static func createTemporary(beside path: String) throws -> (Int32, String) {
        let (folder, base) = split(path)
        guard !base.isEmpty else { throw IOError.cannotWrite(destination: "'\(path)'", reason: "it names a folder, not a file") }
        var template = Array("\(folder).\(base).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw IOError.cannotWrite(destination: "'\(path)'", reason: IOError.reason()) }
        fchmod(fd, 0o644)
        return (fd, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n >= 0 {
                offset += n
            } else if errno == EPIPE {
                throw IOError.brokenPipe
            } else if errno != EINTR {
                throw IOError.cannotWrite(destination: name, reason: IOError.reason())
            }
        }
    }

    static func commit(descriptor fd: Int32, temporary: String, to path: String) throws {
        guard fsync(fd) == 0 else {
            let reason = IOError.reason()
            close(fd)
            unlink(temporary)
            throw IOError.cannotWrite(destination: "'\(path)'", reason: reason)
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = IOError.reason()
            unlink(temporary)
            throw IOError.cannotWrite(destination: "'\(path)'", reason: reason)
        }
    }
}
