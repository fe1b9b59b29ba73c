import CaesarRandom
import Foundation

/// Generated text and scratch files for `caesar bench encrypt`.
public enum BenchmarkText {
    /// A new private folder under `$TMPDIR` (or /tmp).
    public static func temporaryFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/caesar-bench.XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw BenchmarkError.cannotRun(command: "mkdtemp", reason: "cannot create a folder in \(base)")
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `mebibytes` MiB of text-like bytes to `folder/input.txt` and returns its path.
    ///
    /// One MiB block of random words (lowercase, some capitalized, a few `é` and `—`, spaces,
    /// punctuation and line breaks) is written over and over: the speed of a byte-wise shift
    /// does not depend on the text repeating.
    public static func write(mebibytes: Int, seed: UInt64, into folder: String) throws -> String {
        let path = folder + "/input.txt"
        var rng = SeededGenerator(seed: seed)
        var block: [UInt8] = []
        block.reserveCapacity((1 << 20) + 16)
        var column = 0
        while block.count < 1 << 20 {
            let length = 1 + rng.uniformInt(below: 9)
            for k in 0..<length {
                let letter = UInt8(ascii: "a") + UInt8(rng.uniformInt(below: 26))
                block.append(k == 0 && rng.uniformInt(below: 8) == 0 ? letter - 32 : letter)
            }
            switch rng.uniformInt(below: 40) {
            case 0: block += Array("é".utf8)
            case 1: block += Array(" — ".utf8)
            case 2...4: block += Array(", ".utf8)
            case 5: block += Array(". ".utf8)
            default: block.append(UInt8(ascii: " "))
            }
            column += length + 1
            if column > 70 {
                block.append(UInt8(ascii: "\n"))
                column = 0
            }
        }
        // Cut on a character boundary (only ASCII and whole sequences were appended).
        while block.count > 1 << 20 || block.last! >= 0x80 { block.removeLast() }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError.cannotRun(command: "write \(path)", reason: "cannot open it")
        }
        defer { try? handle.close() }
        let data = Data(block)
        for _ in 0..<mebibytes { try handle.write(contentsOf: data) }
        return path
    }

    public static func size(of path: String) throws -> Int {
        guard let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int else {
            throw BenchmarkError.cannotRun(command: "stat \(path)", reason: "no size")
        }
        return size
    }
}
