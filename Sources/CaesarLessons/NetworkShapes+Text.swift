/// The shapes lesson as the terminal shows it.
extension NetworkShapes {
    public func text() -> String {
        let c = configuration
        let cell = c.cell == .rnn ? "RNN" : "LSTM"
        var text = "Shapes of a\(c.bidirectional ? " bidirectional" : "") \(c.layers)-layer \(cell)\n"
        text += "  vocabulary V = \(c.vocabulary), " + (c.embedding.map { "embedding E = \($0)" } ?? "one-hot input")
        text += ", hidden H = \(c.hidden), T = \(c.steps) steps\n"
        text += TextWrap.wrap("Column vectors as in the equations (W·x); the second table sets PyTorch's keys and shapes "
                              + "for the same weights beside them.", indent: "  ") + "\n"

        // Two tables, so that each fits 80 columns: the equations' view with the notes, then
        // PyTorch's (whose key names the layer and direction, so the part is not repeated).
        text += "Parameters\n"
        var table = TextTable(header: ["part", "name", "shape", "note"])
        var previous = ""
        for t in parameters {
            table.append([t.part == previous ? "" : t.part, t.name, t.shape, t.note])
            previous = t.part
        }
        text += table.render() + "\n"

        text += "The same parameters as PyTorch stores them\n"
        table = TextTable(header: ["name", "shape", "PyTorch key", "PyTorch shape", "count"])
        for t in parameters {
            let shape = "(" + (t.pytorchShape ?? []).map(String.init).joined(separator: ", ") + ")"
            table.append([t.name, t.shape, t.pytorchKey ?? "", shape, "\(t.count)"])
        }
        text += table.render()
        // Broken only between the parts, never inside "layer 1 reverse 2048".
        let counts = countsByPart.enumerated().map { index, part in
            "\(part.part) \(part.count)" + (index < countsByPart.count - 1 ? "," : "")
        }
        text += TextWrap.fill(["total \(parameterCount) parameters:"] + counts, separator: " ", indent: "  ", continuation: "    ",
                              width: TextWrap.width) + "\n"

        text += "One step t\n"
        table = TextTable(header: ["name", "shape", "what"])
        for t in activations where t.part == "step" { table.append([t.name, t.shape, t.note]) }
        text += table.render() + "\n"

        // Each product's formula on a line of its own, its shapes and any remark beneath it.
        text += "Products at step t\n"
        for product in productParts {
            text += "  " + product.formula + "\n"
            text += TextWrap.wrap(product.shapes, indent: "    ")
            if !product.remark.isEmpty { text += TextWrap.wrap(product.remark, indent: "    ") }
        }
        text += "\n"

        text += "A whole sequence of T = \(c.steps) steps\n"
        table = TextTable(header: ["name", "shape", "what"])
        for t in activations where t.part == "sequence" { table.append([t.name, t.shape, t.note]) }
        text += table.render()
        return text + "  PyTorch adds a batch dimension: (B, T, ·) with batch_first.\n"
    }
}
