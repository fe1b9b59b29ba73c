import ArgumentParser
import CaesarCipher
import CaesarDecryption
import CaesarIO

/// What `encrypt` and `decrypt` with a key write: a known shift run over the chosen input,
/// either streamed to the output or, with `--json`, as one report.
enum ShiftedOutput {
    /// The most text a `--json` report holds (it is built in memory).
    static let jsonLimit = 64 << 20

    /// Streams the input through `shift`; text given as arguments gets a final newline, as
    /// `echo` would print it.
    static func stream(_ input: InputOptions, through shift: CaesarShift, to output: OutputOptions) throws {
        let source = try input.open()
        let sink = try output.open()
        try CaesarStream.shift(source, by: shift) { try sink.write($0) }
        if input.isArguments { try sink.write("\n") }
        try sink.finish()
    }

    /// The whole input shifted, for a JSON report.
    static func shiftAll(_ input: InputOptions, through shift: CaesarShift) throws -> String {
        shift.apply(to: try input.open().readAll(limit: jsonLimit))
    }

    /// `decrypt` with a known key: a plain rotation, streamed (or one JSON report).
    static func decrypt(_ input: InputOptions, by shift: CaesarShift, to output: OutputOptions) throws {
        if output.json {
            let plaintext = try shiftAll(input, through: shift.inverse)
            try output.writeJSON(DecryptionReport(key: shift.key, confidence: 1, method: "key", plaintext: plaintext))
        } else {
            try stream(input, through: shift.inverse, to: output)
        }
    }
}
