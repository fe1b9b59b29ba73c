import CaesarCipher
import CaesarDecryption
import CaesarIO
import Foundation

/// `--lines`: every line of the input a message with its own key (``MessageCracker``), read
/// and answered a block of lines at a time, so any number of lines runs in constant memory.
///
/// As text: each line's plaintext on standard output, in order (a refused line is written
/// unchanged, so that line N of the output is line N of the input); each line's key on
/// standard error (`line 3: key 10, confidence 0.9995 (…)`) unless `quiet`; refusals there
/// always. With `json`, JSON Lines: one object per input line. Exit status 1 when a line was
/// refused.
struct LineByLineOutput {
    let input: InputOptions
    let output: OutputOptions
    let method: MethodOptions
    var quiet = false
    var alphabet = CaesarShift.Alphabet.letters

    /// Lines cracked at once: enough to keep the workers busy, little memory.
    static let block = 2048

    func run() throws {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let cracker = try MessageCracker(method: method.chosen, settings: method.settings(), workers: workers, prefixLetters: method.prefix, alphabet: alphabet)
        let sink = try output.open()
        let notes = try TextOutput(.standardError)
        var refused = 0, next = 1
        func answer(_ lines: [String]) throws {
            for message in cracker.crack(lines, firstLine: next) {
                if message.error != nil { refused += 1 }
                if output.json {
                    try sink.write(try JSONReport.encode(message, pretty: false) + "\n")
                    continue
                }
                try sink.write((message.plaintext ?? lines[message.line - next]) + "\n")
                if let error = message.error {
                    try notes.write(TerminalText.visible("caesar: \(error)") + "\n")
                } else if !quiet, let key = message.key, let confidence = message.confidence {
                    let language = message.language.map { DecryptionOutput.languageText($0, message.languageProbability ?? 0) } ?? ""
                    try notes.write("line \(message.line): key \(key), confidence \(String(format: "%.4f", confidence)) (\(language)\(message.method ?? ""))\n")
                }
            }
            next += lines.count
            // A block's keys, then its plaintext: on a terminal they read in that order.
            try notes.flush()
            try sink.flush()
        }
        try Self.forEachBlock(of: input) { try answer($0) }
        try sink.finish()
        try notes.finish()
        if refused > 0 { throw CommandError.someLinesRefused(refused, of: next - 1) }
    }

    /// Calls `body` with successive blocks of the input's lines (``TextInput/forEachLineBlock(blockSize:lineLimit:chunkSize:_:)``);
    /// text arguments are one message each.
    static func forEachBlock(of input: InputOptions, _ body: ([String]) throws -> Void) throws {
        if input.isArguments {
            return try body(input.text.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) })
        }
        try input.open().forEachLineBlock(blockSize: block, lineLimit: ShiftedOutput.jsonLimit, body)
    }
}
