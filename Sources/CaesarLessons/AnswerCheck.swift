import Foundation

/// A value of a lesson that a learner can check: its exact value, how it is computed and from
/// which other values, and what usually goes wrong.
public struct CheckableQuantity: Sendable {
    /// A slip that produces a recognisable wrong value.
    public struct Mistake: Sendable {
        public let value: Double
        /// What the learner probably did: `that is a_3: the tanh is missing`.
        public let explanation: String

        public init(value: Double, explanation: String) {
            self.value = value
            self.explanation = explanation
        }
    }

    /// The name learners type, in ASCII: `h_3`, `dL/dw`, `w_new`.
    public let name: String
    public let value: Double
    /// How it is computed: `h_3 = tanh(a_3)`.
    public let formula: String
    /// Names of the quantities it is computed from.
    public let dependencies: [String]
    /// The question to ask when a given value is wrong in no recognisable way.
    public let question: String
    public let mistakes: [Mistake]

    public init(name: String, value: Double, formula: String, dependencies: [String] = [], question: String, mistakes: [Mistake] = []) {
        self.name = name
        self.value = value
        self.formula = formula
        self.dependencies = dependencies
        self.question = question
        self.mistakes = mistakes
    }
}

/// Compares a learner's numbers with the exact ones and names the first wrong one.
///
/// Quantities come in dependency order (a value after everything it is computed from), so
/// the first wrong value is where the learner's computation went astray; later wrong values
/// that depend on it may be wrong for that reason alone.
///
/// A value counts as right when it is within one unit of the last printed digit of the exact
/// value (see ``tolerance(for:digits:)``): correctly rounded answers pass, and so do answers
/// computed from rounded intermediate values.
///
///     let check = try AnswerCheck(quantities: lesson.quantities, answers: [("h_3", 0.7174)], digits: 4)
///     check.explanation
///     // "h_3 is wrong: you gave 0.7174, exact 0.6956; h_3 = tanh(a_3), a_3 = w·x_3 + u·h_2 + b — did you apply the tanh?"
public struct AnswerCheck: Sendable, Encodable {
    /// One compared value.
    public struct Verdict: Equatable, Sendable, Codable {
        public let name: String
        public let given: Double
        public let exact: Double
        public let tolerance: Double
        public let isRight: Bool

        init(name: String, given: Double, exact: Double, tolerance: Double) {
            self.name = name
            self.given = given
            self.exact = exact
            self.tolerance = tolerance
            isRight = abs(given - exact) <= tolerance
        }
    }

    public let digits: Int
    /// The answers, in dependency order.
    public let verdicts: [Verdict]
    /// The first wrong answer in dependency order, if any.
    public let firstWrong: Verdict?
    /// One line about ``firstWrong``: what was given, the exact value, how it is computed and
    /// what probably went wrong.
    public let explanation: String?
    /// Later wrong answers that depend on ``firstWrong``.
    public let consequences: [String]
    /// ``explanation`` cut where the terminal starts a new line: the verdict, how the value is
    /// computed, what probably went wrong.
    private let explanationParts: [String]

    private enum CodingKeys: String, CodingKey {
        case digits, verdicts, firstWrong, explanation, consequences
    }

    /// Checks `answers` (matched to quantities by name; `∂`, `ŷ`, `_` and case are forgiven).
    public init(quantities: [CheckableQuantity], answers: [(name: String, value: Double)], digits: Int) throws(LessonError) {
        precondition((1...17).contains(digits), "significant digits must be 1...17, got \(digits)")
        self.digits = digits
        var position: [String: Int] = [:]
        for (index, quantity) in quantities.enumerated() {
            let key = AnswerCheck.normalized(quantity.name)
            precondition(position[key] == nil, "two quantities are both called '\(key)'")
            position[key] = index
        }
        var given: [Int: Double] = [:]
        for answer in answers {
            guard let index = position[AnswerCheck.normalized(answer.name)] else {
                throw LessonError.unknownQuantity(name: answer.name, valid: AnswerCheck.compactList(quantities.map(\.name)))
            }
            guard given[index] == nil else { throw LessonError.duplicateAnswer(name: quantities[index].name) }
            given[index] = answer.value
        }
        verdicts = given.keys.sorted().map { index in
            let q = quantities[index]
            return Verdict(name: q.name, given: given[index]!, exact: q.value, tolerance: AnswerCheck.tolerance(for: q.value, digits: digits))
        }
        firstWrong = verdicts.first { !$0.isRight }
        guard let wrong = firstWrong, let index = position[AnswerCheck.normalized(wrong.name)] else {
            explanation = nil
            explanationParts = []
            consequences = []
            return
        }

        // How the wrong value is computed, one level down, and what the learner got right there.
        let byName = Dictionary(uniqueKeysWithValues: quantities.map { ($0.name, $0) })
        let quantity = quantities[index]
        var steps = [quantity.formula]
        var rightOnes: [String] = []
        for dependency in quantity.dependencies {
            guard let d = byName[dependency] else { continue }
            // A sum over many steps would list them all: its own formula says enough.
            if quantity.dependencies.count <= 2, !steps.contains(d.formula) { steps.append(d.formula) }
            if let v = verdicts.first(where: { $0.name == dependency }), v.isRight { rightOnes.append(dependency) }
        }
        let tolerance = AnswerCheck.tolerance(for: quantity.value, digits: digits)
        let mistake = quantity.mistakes.first { m in
            abs(m.value - quantity.value) > tolerance && abs(wrong.given - m.value) <= AnswerCheck.tolerance(for: m.value, digits: digits)
        }
        let verdict = "\(wrong.name) is wrong: you gave \(AnswerCheck.shortest(wrong.given)), exact \(NumberFormat.significant(wrong.exact, digits: digits));"
        var how = steps.joined(separator: ", ")
        if !rightOnes.isEmpty { how += " (your \(rightOnes.joined(separator: ", ")) \(rightOnes.count == 1 ? "is" : "are") right)" }
        let why = "— " + (mistake?.explanation ?? quantity.question)
        explanation = [verdict, how, why].joined(separator: " ")
        explanationParts = [verdict, how, why]

        // Everything computed, directly or not, from the wrong value.
        var downstream: Set<String> = [quantity.name]
        for q in quantities[(index + 1)...] where q.dependencies.contains(where: downstream.contains) {
            downstream.insert(q.name)
        }
        consequences = verdicts.filter { !$0.isRight && $0.name != wrong.name && downstream.contains($0.name) }.map(\.name)
    }

    /// One unit in the `digits`-th significant digit of `exact` (10⁻ᵈⁱᵍⁱᵗˢ for an exact 0).
    ///
    ///     AnswerCheck.tolerance(for: 0.6956, digits: 4)   // 0.0001
    ///     AnswerCheck.tolerance(for: -0.04658, digits: 4) // 0.00001
    public static func tolerance(for exact: Double, digits: Int) -> Double {
        guard exact != 0 else { return pow(10, -Double(digits)) }
        return pow(10, log10(abs(exact)).rounded(.down) - Double(digits - 1))
    }

    /// The report: every answer with its verdict, then the explanation.
    public func text() -> String {
        var text = "Check (\(digits) significant digits, ±1 in the last):\n"
        var table = TextTable(header: ["quantity", "yours", "exact", ""])
        for v in verdicts {
            table.append([v.name, AnswerCheck.shortest(v.given), NumberFormat.significant(v.exact, digits: digits), v.isRight ? "right" : "WRONG"])
        }
        text += table.render()
        if explanation != nil {
            // One part a line, so that the formulas of `how` do not break at the verdict's end.
            text += TextWrap.wrap(explanationParts[0])
            for part in explanationParts.dropFirst() { text += TextWrap.wrap(part, indent: "  ") }
            if !consequences.isEmpty {
                text += TextWrap.wrap("\(consequences.joined(separator: ", ")) \(consequences.count == 1 ? "depends" : "depend") on \(firstWrong!.name): "
                                      + "fix \(firstWrong!.name) first, \(consequences.count == 1 ? "it" : "they") may follow.", continuation: "  ")
            }
        } else {
            text += verdicts.count == 1 ? "It is right.\n" : "All \(verdicts.count) are right.\n"
        }
        return text
    }

    /// A given value as the learner typed it (shortest round-trip form, `4` not `4.0`).
    static func shortest(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The matching key of a name: `∂L/∂ŷ_3`, `dL/dyhat_3`, `dyhat3` and `DYHAT_3` are one.
    static func normalized(_ name: String) -> String {
        var key = name.replacingOccurrences(of: "∂", with: "d").replacingOccurrences(of: "ŷ", with: "yhat")
            .replacingOccurrences(of: "y_hat", with: "yhat")
        key = String(key.lowercased().filter { $0 != "_" && $0 != " " && $0 != "{" && $0 != "}" })
        if key.hasPrefix("dl/d") { key = "d" + key.dropFirst(4) }
        if key.hasSuffix("'") { key = key.dropLast() + "new" }
        return key
    }

    /// Names grouped by family with runs of indices folded: `a_1…a_3, h_0…h_3, L`.
    static func compactList(_ names: [String]) -> [String] {
        // Split `dL/dh_12` into stem `dL/dh_` and index 12; names without an index stand alone.
        var families: [(stem: String, indices: [Int])] = []
        for name in names {
            let digits = String(name.reversed().prefix(while: \.isNumber).reversed())
            let stem = String(name.dropLast(digits.count))
            let index = stem.hasSuffix("_") ? Int(digits) : nil
            if let index, let f = families.firstIndex(where: { $0.stem == stem }) {
                families[f].indices.append(index)
            } else {
                families.append((index == nil ? name : stem, index.map { [$0] } ?? []))
            }
        }
        return families.map { family in
            let sorted = family.indices.sorted()
            guard let first = sorted.first, let last = sorted.last else { return family.stem }
            if first == last { return family.stem + "\(first)" }
            return sorted == Array(first...last) ? "\(family.stem)\(first)…\(family.stem)\(last)"
                : sorted.map { family.stem + "\($0)" }.joined(separator: ", ")
        }
}
}
