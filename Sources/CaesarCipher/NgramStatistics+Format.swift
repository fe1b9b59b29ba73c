import CaesarIO

/// The n-gram statistics file: plain text, one n-gram a line, so it diffs, greps and explains
/// itself.
///
///     # English letter n-grams for caesar: how and from what they were built.
///     caesar-ngrams 1
///     calibration quadgram 4:0.9800,6:2.1000,20:3.4000 bigram 1.3456
///     ngrams 1 total 5412345 min-count 1 entries 26
///     a 412345
///     …
///     ngrams 4 total 5412000 min-count 3 entries 48210
///     tion 23456
///     …
///
/// Lines starting with `#` are comments (the ones before `caesar-ngrams 1` become ``notes``);
/// blank lines are ignored. An optional `calibration` line before the sections gives the
/// scorers' temperatures (``NgramStatistics/temperatures``, each a ``TemperatureSchedule``).
/// Each of the orders 1, 2 and 4 has one section: a header giving the number of n-grams
/// counted (`total`, pruned ones included), the pruning threshold and how many entry lines
/// follow, then those lines, n lowercase letters and a count ≥ min-count.
extension NgramStatistics {
    /// The first line that is not a comment; the number is the format version.
    public static let formatMagic = "caesar-ngrams 1"

    /// The most bytes a statistics file may have (a full quadgram table is about 5 MiB).
    public static let fileSizeLimit = 32 << 20

    /// Reads a statistics file; every way it can be malformed is a
    /// ``CipherError/malformedNgrams(source:line:problem:)`` naming the line.
    public static func load(path: String) throws -> NgramStatistics {
        try NgramStatistics(parsing: AtomicFile.read(path, limit: fileSizeLimit), source: "'\(path)'")
    }

    /// Parses the file format from its bytes; `source` names it in error messages.
    public init(parsing bytes: [UInt8], source: String) throws {
        var parser = Parser(source: source)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // the final newline ends a line, not starts one
        var lineNumber = 0
        for line in lines {
            lineNumber += 1
            try parser.take(line.last == UInt8(ascii: "\r") ? line.dropLast() : line, number: lineNumber)
        }
        self = try parser.finish(lastLine: lineNumber)
    }

    /// The file's text: notes as `#` lines, then the three sections, n-grams in alphabetical order.
    public func formatted() -> String {
        var text = notes.map { "# \($0)\n" }.joined()
        text += NgramStatistics.formatMagic + "\n"
        if !temperatures.isEmpty {
            let fitted = ScoringMethod.allCases.compactMap { m in temperatures[m].map { "\(m.rawValue) \($0)" } }
            text += "calibration " + fitted.joined(separator: " ") + "\n"
        }
        for table in [unigrams, bigrams, quadgrams] {
            text += "ngrams \(table.order) total \(table.total) min-count \(table.minCount) entries \(table.entries)\n"
            for (index, count) in zip(table.indices, table.entryCounts) {
                text += NgramStatistics.letters(of: Int(index), order: table.order) + " \(count)\n"
            }
        }
        return text
    }

    /// The n-gram with base-26 value `index` as lowercase letters (`letters(of: 0, order: 2)` is "aa").
    public static func letters(of index: Int, order: Int) -> String {
        var scalars = [Character](repeating: "a", count: order)
        var rest = index
        for k in stride(from: order - 1, through: 0, by: -1) {
            scalars[k] = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(rest % 26)))
            rest /= 26
        }
        return String(scalars)
    }
}

/// A line-at-a-time reader of the format, which knows what it expects next.
private struct Parser {
    let source: String
    var notes: [String] = []
    var sawMagic = false
    var tables: [Int: NgramStatistics.Table] = [:]
    /// The section being read: its header, its counts so far and where it started.
    var section: (order: Int, total: Int, minCount: Int, entries: Int, line: Int)?
    /// The open section's counts by n-gram index (only what the file lists: memory in
    /// proportion to the file).
    var counts: [Int: Int] = [:]
    var read = 0
    var temperatures: [ScoringMethod: TemperatureSchedule] = [:]

    init(source: String) {
        self.source = source
    }

    func fail(_ line: Int, _ problem: String) -> CipherError {
        .malformedNgrams(source: source, line: line, problem: problem)
    }

    mutating func take(_ line: ArraySlice<UInt8>, number: Int) throws {
        if line.first == UInt8(ascii: "#") {
            if !sawMagic {
                notes.append(String(decoding: line.dropFirst().drop { $0 == UInt8(ascii: " ") }, as: UTF8.self))
            }
            return
        }
        guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
        guard line.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == UInt8(ascii: "\t") }) else {
            throw fail(number, "unexpected byte outside a comment (only printable ASCII is allowed)")
        }
        let text = String(decoding: line, as: UTF8.self)
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard sawMagic else {
            guard text == NgramStatistics.formatMagic else {
                throw fail(number, "expected '\(NgramStatistics.formatMagic)' first, found '\(text.prefix(40))'")
            }
            sawMagic = true
            return
        }
        if fields.first == "calibration" {
            try readCalibration(fields, number: number)
        } else if fields.first == "ngrams" {
            try startSection(fields, number: number)
        } else {
            try addEntry(fields, number: number)
        }
    }

    /// `calibration METHOD T …`: each scorer's temperature, once, before the sections.
    mutating func readCalibration(_ fields: [String], number: Int) throws {
        guard section == nil, tables.isEmpty else { throw fail(number, "the 'calibration' line comes before the first 'ngrams' section") }
        guard temperatures.isEmpty else { throw fail(number, "a second 'calibration' line") }
        guard fields.count >= 3, fields.count % 2 == 1 else {
            throw fail(number, "expected 'calibration METHOD T …', pairs of a scorer and its temperature")
        }
        for i in stride(from: 1, to: fields.count, by: 2) {
            guard let method = ScoringMethod(rawValue: fields[i]) else {
                throw fail(number, "'\(fields[i])' is not a scorer (\(ScoringMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard temperatures[method] == nil else { throw fail(number, "\(method.rawValue) is calibrated twice") }
            guard let t = TemperatureSchedule(text: fields[i + 1]) else {
                throw fail(number, "'\(fields[i + 1].prefix(40))' of \(method.rawValue) is not a temperature in \(TemperatureScaling.range.lowerBound)…\(Int(TemperatureScaling.range.upperBound)), nor LETTERS:T pairs joined by commas")
            }
            temperatures[method] = t
        }
    }

    mutating func startSection(_ fields: [String], number: Int) throws {
        try closeSection(before: number)
        guard fields.count == 8, fields[2] == "total", fields[4] == "min-count", fields[6] == "entries",
              let order = Int(fields[1]), let total = Int(fields[3]), let minCount = Int(fields[5]), let entries = Int(fields[7])
        else {
            throw fail(number, "expected 'ngrams N total T min-count M entries E' with whole numbers")
        }
        guard NgramStatistics.orders.contains(order) else { throw fail(number, "order \(order) is not one of 1, 2, 4") }
        guard tables[order] == nil else { throw fail(number, "a second section of order \(order)") }
        guard total > 0 else { throw fail(number, "total \(total) must be positive") }
        guard minCount >= 1 else { throw fail(number, "min-count \(minCount) must be at least 1") }
        guard (0...NgramStatistics.size(of: order)).contains(entries) else {
            throw fail(number, "\(entries) entries cannot be: order \(order) has \(NgramStatistics.size(of: order)) n-grams")
        }
        section = (order, total, minCount, entries, number)
        counts = [:]
        read = 0
    }

    mutating func addEntry(_ fields: [String], number: Int) throws {
        guard let section else { throw fail(number, "an entry before any 'ngrams' section header") }
        guard read < section.entries else {
            throw fail(number, "more entries than the \(section.entries) its section header (line \(section.line)) announced")
        }
        guard fields.count == 2 else { throw fail(number, "expected an n-gram and a count, found \(fields.count) fields") }
        let gram = Array(fields[0].utf8)
        guard gram.count == section.order, gram.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else {
            throw fail(number, "'\(fields[0])' is not \(section.order) lowercase letters a–z")
        }
        guard let count = Int(fields[1]), count >= section.minCount else {
            throw fail(number, "count '\(fields[1])' is not a whole number ≥ min-count \(section.minCount)")
        }
        let index = gram.reduce(0) { $0 * 26 + Int($1 - UInt8(ascii: "a")) }
        guard counts[index] == nil else { throw fail(number, "'\(fields[0])' is listed twice") }
        counts[index] = count
        read += 1
    }

    /// Checks the open section is complete and files it.
    mutating func closeSection(before number: Int) throws {
        guard let section else { return }
        guard read == section.entries else {
            throw fail(number, "the section of order \(section.order) (line \(section.line)) has \(read) entries, its header says \(section.entries)")
        }
        var sum = 0
        for count in counts.values {
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard !overflow else { throw fail(section.line, "the counts of order \(section.order) add up to more than \(Int.max)") }
            sum = next
        }
        guard sum <= section.total else {
            throw fail(section.line, "the counts of order \(section.order) add up to \(sum), more than its total \(section.total)")
        }
        let indices = counts.keys.sorted()
        tables[section.order] = NgramStatistics.Table(
            order: section.order, indices: indices.map(Int32.init), counts: indices.map { counts[$0]! }, total: section.total, minCount: section.minCount)
        self.section = nil
    }

    mutating func finish(lastLine: Int) throws -> NgramStatistics {
        guard sawMagic else { throw fail(max(lastLine, 1), "no '\(NgramStatistics.formatMagic)' line: this is not an n-gram statistics file") }
        try closeSection(before: lastLine)
        for order in NgramStatistics.orders where tables[order] == nil {
            throw fail(lastLine, "no section of order \(order)")
        }
        return NgramStatistics(unigrams: tables[1]!, bigrams: tables[2]!, quadgrams: tables[4]!, notes: notes, temperatures: temperatures)
    }
}
