import ArgumentParser

/// Parsers for numeric flag values, used as `@Option(transform:)`. Each rejects what a lesson
/// cannot compute with (NaN, infinities, empty items) with a sentence naming the problem.
enum NumberArguments {
    /// The most items a list flag takes: lessons print every step.
    static let maximumCount = 1000

    /// One finite decimal number: `0.5`, `-0.25`, `1e-3`.
    static func finite(_ text: String) throws -> Double {
        let trimmed = text.trimmingSpaces.replacingMinusSign
        guard let value = Double(trimmed) else {
            throw ValidationError("not a number (write it like 0.5, -0.25 or 1e-3)")
        }
        guard value.isFinite else {
            throw ValidationError("not a finite number (NaN and infinities cannot be computed with)")
        }
        return value
    }

    /// Comma-separated finite numbers: `1.0,0.8,0.6`.
    static func list(_ text: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= maximumCount else {
            throw ValidationError("\(items.count) numbers, but at most \(maximumCount) are allowed")
        }
        return try items.enumerated().map { index, item in
            guard !item.trimmingSpaces.isEmpty else {
                throw ValidationError("item \(index + 1) is empty (separate numbers with single commas)")
            }
            return try finite(String(item))
        }
    }

    /// A whole number within `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>, name: String) throws -> Int {
        guard let value = Int(text.trimmingSpaces) else {
            throw ValidationError("\(name) must be a whole number")
        }
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    /// An answer for `--check`: `h_3=0.6956`.
    static func namedValue(_ text: String) throws -> (name: String, value: Double) {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].trimmingSpaces.isEmpty else {
            throw ValidationError("not name=value (write an answer like h_3=0.6956)")
        }
        let value: Double
        do {
            value = try finite(String(text[text.index(after: equals)...]))
        } catch let error as ValidationError {
            throw ValidationError("the value of \(text[..<equals].trimmingSpaces) is \(error.message)")
        }
        return (text[..<equals].trimmingSpaces, value)
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Text pasted from a lesson's formulas may carry U+2212 (−) instead of a hyphen.
    fileprivate var replacingMinusSign: String {
        String(map { $0 == "−" ? "-" : $0 })
    }
}
