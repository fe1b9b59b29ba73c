import CaesarIO
import CaesarLessons
import CaesarNeural
import CaesarPlot
import CaesarText
import CaesarTraining

/// The report as one self-contained HTML page: styles and SVG inline, no fonts, images,
/// links or network, and a script of a few lines that only records that the page rendered.
extension ModelReport {
    public var html: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>caesar report: \(HTML.escaped(name))</title>
            \(HTML.renderCheck)
            \(HTML.style)
            </head>
            <body>
            <h1>What the model <code>\(HTML.escaped(name))</code> learned</h1>
            <p class="lead">\(HTML.escaped(summary))</p>
            <nav><ol>
            <li><a href="#card">The model card</a></li>
            <li><a href="#curves">Training curves</a></li>
            <li><a href="#pipeline">One text through the pipeline</a></li>
            <li><a href="#one-hot">The one-hot matrix</a></li>
            <li><a href="#distribution">The predicted distribution</a></li>
            <li><a href="#hidden">Hidden states over time</a></li>
            <li><a href="#confusion">The confusion matrix</a></li>
            </ol></nav>

            """
        page += cardSection + curvesSection + pipelineSection + oneHotSection + distributionSection + hiddenSection + confusionSection
        page += "<hr/>\n<p class=\"mono\">Made by <code>\(HTML.escaped(command))</code>. One file: its pictures are inline SVG, "
        page += "and it loads nothing else.</p>\n</body>\n</html>\n"
        return page
    }

    /// One line under the title.
    var summary: String {
        let a = model.architecture
        let (correct, of) = sample.score
        return "\(a.description): \(a.cell == .lstm ? "an LSTM" : "an RNN") of \(grouped(shapes.parameterCount)) parameters, trained to decrypt "
            + keyScheduleShort + ". On the text below it gets \(correct) of \(of) characters right; "
            + "on \(validation.windows) windows of \(validation.source), \(percent(validation.confusion.accuracy))."
    }

    private var keyScheduleShort: String {
        switch model.key {
        case .fixed(let k)?: return "key \(k)"
        case .any?: return "any key"
        case nil: return "(the file records no key schedule)"
        }
    }

    // MARK: - 1. The model card

    private var cardSection: String {
        let a = model.architecture, meta = model.file.metadata
        var html = "<h2 id=\"card\">1. The model card</h2>\n"
        var facts: [(String, String)] = [
            ("file", "<code>\(HTML.escaped(path))</code>"),
            ("network", HTML.escaped(a.description) + ": one-hot input of \(a.inputSize) tokens, \(a.layers) \(a.cell == .lstm ? "LSTM" : "RNN (tanh)") layer\(a.layers == 1 ? "" : "s") of \(a.hiddenSize) units"
                + (a.bidirectional ? " in each direction" : "") + ", a linear head to \(a.outputSize) tokens at every step"),
            ("setup", setupText),
            ("key schedule", keyScheduleText),
            ("parameters", "\(grouped(shapes.parameterCount)): " + shapes.countsByPart.map { "\(HTML.escaped($0.part)) \(grouped($0.count))" }.joined(separator: ", ")),
        ]
        facts.append(("integrity", model.file.integrity == .verified
            ? "the SHA-256 of the tensors, recorded when the file was written, matches: no byte of the weights has changed"
            : "not checked: the file records no SHA-256 of its tensors (it was written by another tool, such as PyTorch's <code>save_file</code>)"))
        if let order = meta["gate_order"] { facts.append(("gate order", "<code>\(HTML.escaped(order))</code> (PyTorch's)")) }
        if let nonlinearity = meta["nonlinearity"] { facts.append(("nonlinearity", "<code>\(HTML.escaped(nonlinearity))</code>")) }
        html += HTML.facts(facts)

        html += "<h3>Tensors, as the file names them</h3>\n"
        html += "<p>PyTorch loads these names unchanged: <code>rnn = nn.\(a.cell == .lstm ? "LSTM" : "RNN")(\(a.inputSize), \(a.hiddenSize)"
        html += (a.layers > 1 ? ", num_layers=\(a.layers)" : "") + (a.bidirectional ? ", bidirectional=True" : "")
        html += ")</code> and <code>out = nn.Linear(\(a.layerOutputSize), \(a.outputSize))</code>. The shape in the equations is the column-vector form (W·x).</p>\n"
        html += HTML.table(header: ["tensor", "PyTorch shape", "in the equations", "count", "what"], rows: shapes.parameters.map { t in
            ["<code>\(HTML.escaped(t.pytorchKey ?? ""))</code>", "(" + (t.pytorchShape ?? []).map(String.init).joined(separator: ", ") + ")",
             "\(HTML.escaped(t.part)): \(HTML.escaped(t.name)), \(t.shape)", "\(grouped(t.count))", HTML.escaped(t.note)]
        })

        html += "<h3>Training</h3>\n"
        if let p = model.provenance {
            var rows: [(String, String)] = [("corpus", HTML.escaped(p.corpus))]
            if let step = p.step { rows.append(("saved at step", "\(step) (the best validation accuracy of the run)")) }
            if let v = p.validationAccuracy { rows.append(("validation accuracy then", percent(v))) }
            if let s = p.trainingSeconds { rows.append(("training time until then", "\(format(s, 1)) s (machine-dependent)")) }
            if let c = p.configuration {
                rows.append(("configuration", "sequences of \(c.sequenceLength) steps ([start], \(c.contentLength) characters, [end]), batches of \(c.batchSize); "
                    + "\(c.optimizer.rawValue), learning rate \(c.learningRate)" + (c.optimizer == .sgd ? ", momentum \(c.momentum)" : "")
                    + "; clipping " + (c.clip.map { "at norm \($0)" } ?? "off") + "; BPTT \(c.truncation); \(c.steps) steps planned; seed \(c.seed); "
                    + "\(share(c.validationFraction)) of the text held out, validated every \(c.validationInterval) steps on up to \(c.validationWindows) windows"))
            }
            html += HTML.facts(rows)
        } else {
            html += "<p class=\"note\">The file records no training provenance (it was not written by <code>caesar train</code>, or was edited).</p>\n"
        }
        if let command = model.command { html += "<p>Trained with <code>\(HTML.escaped(command))</code></p>\n" }
        html += "<details><summary>All metadata in the file</summary>\n<pre>"
        html += meta.sorted { $0.key < $1.key }.map { "\(HTML.escaped($0.key)) = \(HTML.escaped($0.value))" }.joined(separator: "\n")
        return html + "</pre></details>\n"
    }

    /// What the network's outputs are, by its setup.
    private var setupText: String {
        switch model.architecture.setup {
        case .manyToMany: return "many-to-many: one output per input character, aligned"
        case .manyToOne: return "many-to-one: one output for the whole window, its key"
        case .encoderDecoder: return "encoder–decoder: reads the whole window, then writes the plaintext token by token"
        case .languageModel: return "language model: at every step, the next token"
        }
    }

    private var keyScheduleText: String {
        switch model.key {
        case .fixed(let k)?:
            return "fixed, <b>key \(k)</b>: every training window was encrypted with key \(k), so the network learned one fixed decryption"
        case .any?:
            return "<b>any</b>: every training window was encrypted with its own random key from 0 to 25, never shown to the network; it must work the key out from the text itself"
        case nil:
            return "not recorded (no <code>cipher_key</code> in the metadata); evaluated as if trained on every key"
        }
    }

    // MARK: - 2. Training curves

    private var curvesSection: String {
        var html = "<h2 id=\"curves\">2. Training curves</h2>\n"
        switch curves {
        case .records(let records) where !records.isEmpty:
            html += "<p>From <code>\(HTML.escaped(curvesPath))</code>, which <code>caesar train</code> writes beside the model: "
            html += "one row per validation, \(records.count) in all. The training loss is the mean over the steps since the previous validation; "
            html += "the dashed line marks the best validation, whose weights the model file keeps.</p>\n"
            let plots = TrainingCurves.plots(records, metric: ValidationSet.metric(of: model.architecture.setup))
            html += "<div class=\"pair\">" + plots.map { "<figure>\(HTML.inline(svg: SVGPlot(width: 560, height: 380).render($0)))</figure>" }.joined() + "</div>\n"
        case .records:
            html += "<p class=\"note\"><code>\(HTML.escaped(curvesPath))</code> has no rows yet: the run was stopped before its first validation.</p>\n"
        case .missing:
            html += "<p class=\"note\">No learning curves: there is no <code>\(HTML.escaped(curvesPath))</code> beside the model. "
            html += "<code>caesar train</code> writes one there; a model copied without it, or made elsewhere, has none.</p>\n"
        case .unreadable(let reason):
            html += "<p class=\"note\">No learning curves: \(HTML.escaped(reason)).</p>\n"
        }
        return html
    }

    // MARK: - 3. The text

    private var pipelineSection: String {
        let s = sample, stages = s.stages
        var html = "<h2 id=\"pipeline\">3. One text through the pipeline</h2>\n"
        html += "<p>The plaintext is encrypted with key \(s.key) (\(HTML.escaped(s.keyReason))); the network reads the ciphertext, "
        html += "one token per step, and writes a token for each. The whole text is one sequence, <code>[start]</code> … <code>[end]</code>, as the training windows were.</p>\n"
        html += HTML.facts([
            ("plaintext", "<span class=\"mono\">\(HTML.escaped(s.plaintext))</span>"),
            ("key", "\(s.key)"),
            ("ciphertext", "<span class=\"mono\">\(HTML.escaped(s.ciphertext))</span>"),
            ("a. normalized", "<span class=\"mono\">\(HTML.escaped(stages.normalized))</span> (lowercase, Latin letters folded to a–z)"),
            ("b. filtered", "<span class=\"mono\">\(HTML.escaped(stages.filtered))</span> (a–z and '.', one space per gap)"),
            ("c, d. tokens", "\(stages.indices.count) tokens, each with its index:"),
        ])
        html += "<div class=\"tokens\">" + zip(stages.sentences.flatMap(\.tokens), stages.indices).map { token, index in
            "<span class=\"token\">\(HTML.escaped(token))<small>\(index)</small></span>"
        }.joined() + "</div>\n"
        html += "<h3>What came back</h3>\n"
        html += "<p>Each step: the token read → the token the network chose (its most probable one), and below it the step, "
        html += "and where the choice is wrong, the plaintext's token. Wrong ones are shaded.</p>\n"
        html += "<div class=\"tokens\">" + s.decryption.encoding.indices.indices.map { t in
            let input = Token.all[Int(s.decryption.encoding.indices[t])], output = Token.all[Int(s.decryption.predicted[t])]
            let expected = Token.all[Int(s.expected[t])], right = output == expected
            return "<span class=\"token\(right ? "" : " wrong")\">\(HTML.escaped(input.description))→\(HTML.escaped(output.description))"
                + "<small>\(t)\(right ? "" : ", not \(HTML.escaped(expected.description))")</small></span>"
        }.joined() + "</div>\n"
        let (correct, of) = s.score
        return html + HTML.facts([
            ("decoded tokens", "<span class=\"mono\">\(HTML.escaped(s.decryption.decoded))</span>"),
            ("restored", "<span class=\"mono\">\(HTML.escaped(s.decryption.restored))</span> (the ciphertext with each changed letter replaced, in its case)"),
            ("right", "\(correct) of \(of) characters (\(percent(of == 0 ? 0 : Double(correct) / Double(of))))"),
        ])
    }

    /// Row labels for the T steps: index, then the token read.
    private var stepLabels: [String] {
        let indices = sample.decryption.encoding.indices
        let width = String(indices.count - 1).count
        return indices.enumerated().map { t, index in
            String(repeating: " ", count: width - String(t).count) + "\(t) \(Token.all[Int(index)])"
        }
    }

    private var oneHotSection: String {
        let stages = sample.stages
        guard let oneHot = stages.oneHot else { return "" }
        let map = Heatmap(
            title: "One-hot input: \(oneHot.rows) × \(oneHot.columns)", rowLabels: stepLabels, columnLabels: oneHot.columnTokens,
            rowAxisLabel: "step t and the token read", columnAxisLabel: "vocabulary (index 0 to 30)",
            values: oneHot.values.flatMap { $0.map(Double.init) }, scale: .binary)
        return "<h2 id=\"one-hot\">4. The one-hot matrix</h2>\n"
            + "<p>Stage e: row t is all zeros but a 1 in the column of token t. This T × 31 matrix is what the first layer multiplies: "
            + "x_t·W_ihᵀ picks row x_t of W_ihᵀ.</p>\n"
            + "<figure>\(HTML.inline(svg: SVGHeatmap(cellWidth: 12, cellHeight: 12).render(map)))</figure>\n"
    }

    private var distributionSection: String {
        let d = sample.decryption, p = d.probabilities
        let labels = zip(stepLabels, d.predicted.indices).map { label, t in
            label + " → " + Token.all[Int(d.predicted[t])].description + (d.predicted[t] == sample.expected[t] ? "" : " ✗")
        }
        let titles = (0..<p.rows).flatMap { t in
            (0..<p.columns).map { k in "step \(t), read \(Token.all[Int(d.encoding.indices[t])]): p(\(Token.all[k])) = \(format(Double(p[t, k]), 4))" }
        }
        let map = Heatmap(
            title: "Predicted distribution over the 31 tokens", rowLabels: labels, columnLabels: Token.all.map(\.description),
            rowAxisLabel: "step t: token read → token chosen", columnAxisLabel: "output token",
            values: p.values.map(Double.init), scale: .sequential(maximum: 1),
            marked: d.predicted.enumerated().map { HeatmapCell(row: $0, column: Int($1)) }, cellTitles: titles,
            secondaryMarked: d.predicted.indices.filter { d.predicted[$0] != sample.expected[$0] }.map { HeatmapCell(row: $0, column: Int(sample.expected[$0])) },
            secondaryMeaning: "the plaintext's token")
        return "<h2 id=\"distribution\">5. The predicted distribution</h2>\n"
            + "<p>At every step the head turns the hidden state into 31 scores and softmax turns them into probabilities: one row per step, "
            + "darker is more probable. The outlined cell is the argmax, the token written out; ✗ marks a row whose argmax is not the plaintext's token, "
            + "and the dashed green outline in that row shows the token it should have written. "
            + "Rest the pointer on a cell for its probability.</p>\n"
            + "<figure>\(HTML.inline(svg: SVGHeatmap(cellWidth: 14, cellHeight: 12).render(map)))</figure>\n"
    }

    /// The most units of one direction drawn: beyond that a map is a tall block no one can read.
    static let maximumUnitsShown = 32

    /// The units of one layer's output drawn: all when few, else the `maximumUnitsShown` of
    /// each direction whose h_t varies most over the text (the ones doing something on it), in
    /// their order. (column in the layer's output, row label)
    private func shownUnits(of states: Matrix<Float>, steps T: Int) -> [(column: Int, label: String)] {
        let a = model.architecture, H = a.hiddenSize
        return (0..<a.directions).flatMap { d -> [(column: Int, label: String)] in
            var chosen = Array(0..<H)
            if H > Self.maximumUnitsShown {
                let variance = chosen.map { u -> Double in
                    let values = (0..<T).map { Double(states[$0, d * H + u]) }
                    let mean = values.reduce(0, +) / Double(T)
                    return values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
                }
                chosen = Array(chosen.sorted { variance[$0] > variance[$1] || (variance[$0] == variance[$1] && $0 < $1) }.prefix(Self.maximumUnitsShown)).sorted()
            }
            return chosen.map { u in (d * H + u, a.bidirectional ? (d == 0 ? "→\(u)" : "←\(u)") : "h\(u)") }
        }
    }

    private var hiddenSection: String {
        let a = model.architecture, H = a.hiddenSize
        let T = sample.decryption.encoding.indices.count
        let tokens = sample.decryption.encoding.indices.map { Token.all[Int($0)].description }
        var html = "<h2 id=\"hidden\">6. Hidden states over time</h2>\n"
        html += "<p>The output h_t of every layer at every step, one row per unit"
        html += a.bidirectional ? " (→ the forward direction, ← the reverse one, which reads the text from the end)" : ""
        html += ", one column per step. \(a.cell == .lstm ? "h_t = o_t ⊙ tanh(c_t)" : "h_t = tanh(a_t)") lies between −1 and 1: red is positive, blue negative, white near 0."
        html += H > Self.maximumUnitsShown
            ? " Of the \(H) units of each direction, the \(Self.maximumUnitsShown) whose h_t varies most over this text are drawn, in their order; the row labels are their indices.</p>\n"
            : "</p>\n"
        for (l, states) in sample.decryption.hiddenStates.enumerated() {
            let units = shownUnits(of: states, steps: T), D = units.count
            let cell = (width: T > 80 ? 9.0 : 12.0, height: D <= 32 ? 12.0 : 9.0)
            // (T, D) time-major → (D, T): a unit per row, time across.
            let values = units.flatMap { unit in (0..<T).map { t in Double(states[t, unit.column]) } }
            let labels = units.enumerated().map { k, unit in D <= 32 || k % 2 == 0 ? unit.label : "" }
            let map = Heatmap(
                title: "Layer \(l + 1): h_t of \(D) units over \(T) steps", rowLabels: labels, columnLabels: tokens,
                rowAxisLabel: "unit", columnAxisLabel: "step (the token read)", values: values, scale: .diverging(limit: 1))
            html += "<figure>\(HTML.inline(svg: SVGHeatmap(cellWidth: cell.width, cellHeight: cell.height).render(map)))</figure>\n"
        }
        return html
    }

    // MARK: - 7. Confusion

    private var confusionSection: String {
        let v = validation, m = v.confusion
        let names = Token.all.map(\.description)
        var values: [Double] = [], texts: [String] = [], titles: [String] = []
        for target in 0..<m.classes {
            let total = m.total(target: target)
            for predicted in 0..<m.classes {
                let count = m[target: target, predicted: predicted]
                values.append(total == 0 ? 0 : Double(count) / Double(total))
                texts.append(count == 0 ? "" : "\(count)")
                titles.append(count == 0 ? "" : "'\(names[target])' written as '\(names[predicted])': \(count) of \(total) (\(percent(Double(count) / Double(total))))")
            }
        }
        let map = Heatmap(
            title: "Confusion matrix: \(grouped(m.total)) characters", rowLabels: names, columnLabels: names,
            rowAxisLabel: "plaintext token (the truth)", columnAxisLabel: "token the network wrote (its argmax)",
            values: values, scale: .sequential(maximum: 1), cellText: texts, cellTitles: titles)
        var html = "<h2 id=\"confusion\">7. The confusion matrix</h2>\n"
        html += "<p>The network's raw choices on \(v.windows) windows of \(v.length) characters from <code>\(HTML.escaped(v.source))</code>, "
        html += "\(HTML.escaped(v.keys)), as <code>caesar train</code> validates. Row = the plaintext token, column = the token written; "
        html += "the number is a count, the colour its share of the row. Accuracy: <b>\(percent(m.accuracy))</b> "
        html += "(\(grouped(m.correct)) of \(grouped(m.total)); [start] and [end] are not counted).</p>\n"
        if v.seenInTraining {
            html += "<p class=\"note\">The model's training corpus names this file, so these windows are mostly text it was trained on: "
            html += "this measures how well it learned, not how well it generalizes. Give <code>--corpus</code> a text it has not seen for that.</p>\n"
        }
        html += "<figure>\(HTML.inline(svg: SVGHeatmap(cellWidth: 24, cellHeight: 18).render(map)))</figure>\n"
        let mistakes = m.mistakes(limit: 8)
        guard !mistakes.isEmpty else { return html + "<p>No mistakes at all.</p>\n" }
        html += "<h3>The most frequent mistakes</h3>\n"
        return html + HTML.table(header: ["plaintext", "written as", "times", "share of the plaintext token"], rows: mistakes.map { mistake in
            ["<code>\(HTML.escaped(names[mistake.target]))</code>", "<code>\(HTML.escaped(names[mistake.predicted]))</code>", "\(mistake.count)",
             percent(Double(mistake.count) / Double(m.total(target: mistake.target)))]
        })
    }
}

/// A fraction as a percentage with as few digits as it needs: 0.05 → "5%", 0.025 → "2.5%".
private func share(_ x: Double) -> String {
    let p = x * 100
    return (p == p.rounded() ? format(p, 0) : format(p, 1)) + "%"
}
