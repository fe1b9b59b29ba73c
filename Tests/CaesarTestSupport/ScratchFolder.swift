import Foundation

/// Folders and files that tests write, removed when the test process exits: a test run leaves
/// nothing behind in the temporary directory, whichever tests ran and however they ended
/// (short of a crash).
public enum ScratchFolder {
    /// A new empty folder `caesar-NAME-<UUID>` in the temporary directory.
    public static func make(_ name: String) -> String {
        let path = scratchPath(name)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path `caesar-NAME-<UUID>` in the temporary directory, not created, removed at exit
    /// with whatever is written there (a file, a folder, or files named after it).
    public static func scratchPath(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "caesar-\(name)-\(UUID().uuidString)"
        Registry.shared.add(path)
        return path
    }

    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        private let lock = NSLock()
        private var paths: [String] = []
        private var registered = false

        func add(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            paths.append(path)
            if !registered {
                registered = true
                atexit { Registry.shared.removeAll() }
            }
        }

        /// Each path, and every file beside it whose name begins with it (`…-m.safetensors`).
        func removeAll() {
            lock.lock()
            defer { lock.unlock() }
            let manager = FileManager.default
            for path in paths {
                let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
                for entry in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(name) {
                    try? manager.removeItem(atPath: folder + "/" + entry)
                }
            }
        }
    }
}
