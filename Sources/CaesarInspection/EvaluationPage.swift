import CaesarCipher
import CaesarDecryption
import CaesarPlot
import Foundation

/// `caesar eval --report`: the measurements of an evaluation on one self-contained page, with a
/// reliability diagram per length: for each confidence bin, how often the answers in it were
/// right, against the diagonal of perfect calibration.
public struct EvaluationPage: Sendable {
    public let title: String
    /// What was measured on what (corpus, trials, seed), one line each.
    public let facts: [(String, String)]
    public let measurements: [CrackingEvaluation.Measurement]
    public let noise: [CrackingEvaluation.Measurement]

    public init(title: String, facts: [(String, String)], measurements: [CrackingEvaluation.Measurement], noise: [CrackingEvaluation.Measurement] = []) {
        self.title = title
        self.facts = facts
        self.measurements = measurements
        self.noise = noise
    }

    public var html: String {
        var body = "<h1>\(HTML.escaped(title))</h1>\n" + HTML.facts(facts.map { (HTML.escaped($0.0), HTML.escaped($0.1)) })
        let lengths = measurements.first?.rows.map(\.letters) ?? []
        body += "<h2>Key recovered</h2>\n"
        body += HTML.table(header: ["letters"] + measurements.map { HTML.escaped($0.label) }, rows: lengths.indices.map { k in
            ["\(lengths[k])"] + measurements.map { percent($0.rows[k].rate) }
        })
        body += "<h2>Calibration</h2>\n<p>Mean confidence, expected calibration error (ten bins), and the share of the answers given with confidence ≥ 0.99 that were right.</p>\n"
        body += HTML.table(header: ["letters"] + measurements.map { HTML.escaped($0.label) }, rows: lengths.indices.map { k in
            ["\(lengths[k])"] + measurements.map { m in
                let row = m.rows[k]
                return String(format: "%.4f · ECE %.4f · %@ of %d sure", row.meanConfidence, row.calibrationError, percent(row.sureAnswers.accuracy), row.sureAnswers.count)
            }
        })
        if !noise.isEmpty {
            body += "<h2>Random letters refused</h2>\n<p>The same spans with every letter replaced by a random one: how often the method says “no plausible plaintext”.</p>\n"
            body += HTML.table(header: ["letters"] + noise.map { HTML.escaped($0.label) }, rows: lengths.indices.map { k in
                ["\(lengths[k])"] + noise.map { percent(Double($0.rows[k].refused) / Double(max($0.rows[k].trials, 1))) }
            })
        }
        body += "<h2>Reliability diagrams</h2>\n<p>Each point is a bin of answers by confidence: its mean confidence across, the share right up. A calibrated method lies on the diagonal.</p>\n"
        for (k, n) in lengths.enumerated() {
            let series = [PlotSeries(name: "calibrated", x: [0, 1], y: [0, 1])] + measurements.map { m in
                let bins = m.rows[k].reliability.filter { $0.count > 0 }
                return PlotSeries(name: m.label, x: bins.map(\.meanConfidence), y: bins.map(\.accuracy))
            }
            let plot = Plot(title: "\(n) letters", xLabel: "confidence", yLabel: "share right", series: series)
            body += "<figure>" + HTML.inline(svg: SVGPlot(width: 520, height: 360).render(plot)) + "</figure>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>\(HTML.escaped(title))</title>
            \(HTML.renderCheck)
            \(HTML.style)
            </head><body>
            \(body)</body></html>

            """
    }

    private func percent(_ value: Double) -> String { String(format: "%.2f%%", 100 * value) }
}
