import Foundation

/// The text files behind command-line paths: files as given, folders searched recursively
/// for `.txt` files (hidden ones skipped), in sorted order.
public enum TextFiles {
    public static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw IOError.cannotOpen(path: path, reason: "No such file or directory")
            }
            guard isFolder.boolValue else {
                // Devices are refused here, before a command writes or locks anything.
                _ = try TextInput(.file(path: path))
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".txt") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
                .filter { var folder: ObjCBool = false; return manager.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
                .sorted()
            files.append(contentsOf: found)
        }
        return files
    }

    /// The whole of one text file as validated UTF-8, adding its size to `total` and refusing
    /// to go beyond `limit` bytes in all (`what` names the whole in the error).
    public static func read(_ path: String, lossy: Bool, total: inout Int, limit: Int, what: String) throws -> [UInt8] {
        let input = try TextInput(.file(path: path), lossy: lossy)
        var text: [UInt8] = []
        var read = total
        try input.forEachChunk { chunk in
            read += chunk.count
            guard read <= limit else { throw IOError.tooLarge(source: what, limit: limit) }
            text.append(contentsOf: chunk)
        }
        total = read
        return text
    }
}
