import CaesarDecryption
import CaesarInspection
import CaesarIO
import Foundation

/// What `caesar eval` prints: the methods side by side, one column each, a table per measure.
extension MethodComparison {
    var text: String {
        let lengths = measurements.first?.rows.map(\.letters) ?? []
        let width = max(10, measurements.map { $0.label.count + 2 }.max() ?? 0)
        func table(_ title: String, _ columns: [CrackingEvaluation.Measurement], _ cell: (CrackingEvaluation.Measurement, Int) -> String) -> [String] {
            ["", title, "letters" + columns.map { pad($0.label, width, left: true) }.joined()]
                + lengths.indices.map { k in pad(String(lengths[k]), 7, left: true) + columns.map { pad(cell($0, k), width, left: true) }.joined() }
        }
        var lines = facts.map { pad($0.0, 9) + $0.1 }
        lines += table("key right", measurements) { percent($0.rows[$1].rate) }
        lines += table("mean confidence", measurements) { String(format: "%.4f", $0.rows[$1].meanConfidence) }
        lines += table("expected calibration error (0 is honest)", measurements) { String(format: "%.4f", $0.rows[$1].calibrationError) }
        lines += table("right among answers given with confidence ≥ 0.99", measurements) { m, k in
            m.rows[k].sureAnswers.count == 0 ? "—" : percent(m.rows[k].sureAnswers.accuracy)
        }
        if measurements.contains(where: { $0.rows.contains { $0.refused > 0 } }) {
            lines += table("refused (\"no plausible plaintext\")", measurements) { percent(Double($0.rows[$1].refused) / Double(max($0.rows[$1].trials, 1))) }
        }
        let named = measurements.filter { $0.languageRight != nil }
        if let textLanguage, !named.isEmpty {
            lines += table("language named \(textLanguage)", named) { percent($0.languageRight![$1]) }
        }
        if !noise.isEmpty {
            lines += table("random letters refused (the same spans, letters replaced)", noise) { percent(Double($0.rows[$1].refused) / Double(max($0.rows[$1].trials, 1))) }
        }
        for network in networks {
            lines += ["", "\(network.label) (\(network.architecture)): its own output, character by character",
                      "letters  chars right  messages right"]
            lines += network.rows.map { pad(String($0.letters), 7, left: true) + pad(percent($0.rawCharacterAccuracy), 13, left: true) + pad(percent($0.rawMessageAccuracy), 16, left: true) }
            if !network.windows.isEmpty {
                lines += ["", "the reference's way (first windows of the text, key i mod 26)", "characters  windows  chars right  windows right"]
                lines += network.windows.map { pad(String($0.characters), 10, left: true) + pad(String($0.windows), 9, left: true) + pad(percent($0.characterAccuracy), 13, left: true) + pad(percent($0.windowAccuracy), 15, left: true) }
            }
        }
        return lines.map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
