import CaesarIO
import Foundation

/// `--json` output: one pretty-printed object with sorted keys, so output diffs cleanly.
enum JSONReport {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func write(_ value: some Encodable, to output: TextOutput) throws {
        try output.write(try encode(value) + "\n")
    }
}
