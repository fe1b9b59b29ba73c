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

    /// Writes `value` as JSON to standard output.
    static func print(_ value: some Encodable) throws {
        let output = try TextOutput(.standardOutput)
        try write(value, to: output)
        try output.finish()
    }
}
