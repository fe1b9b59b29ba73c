import CaesarIO
import Foundation

/// `--json` output: one pretty-printed object with sorted keys, so output diffs cleanly
/// (`pretty: false`: one line, for JSON Lines).
enum JSONReport {
    static func encode(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
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
