/// The shapes lesson as the terminal shows it.
extension NetworkShapes {
    public func text() -> String {
        let c = configuration
        let cell = c.cell == .rnn ? "RNN" : "LSTM"
        var text = "Shapes of a\(c.bidirectional ? " bidirectional" : "") \(c.layers)-layer \(cell): vocabulary V = \(c.vocabulary), "
        text += (c.embedding.map { "embedding E = \($0)" } ?? "one-hot input") + ", hidden H = \(c.hidden), T = \(c.steps) steps\n"
        text += "  Column vectors as in the equations (W·x); PyTorch stores the same weights with the shapes beside them.\n\n"

        text += "Parameters\n"
        var table = TextTable(header: ["part", "name", "shape", "PyTorch key", "PyTorch shape", "count", "note"])
        var previous = ""
        for t in parameters {
            let shape = "(" + (t.pytorchShape ?? []).map(String.init).joined(separator: ", ") + ")"
            table.append([t.part == previous ? "" : t.part, t.name, t.shape, t.pytorchKey ?? "", shape, "\(t.count)", t.note])
            previous = t.part
        }
        text += table.render()
        text += "  total \(parameterCount) parameters: " + countsByPart.map { "\($0.part) \($0.count)" }.joined(separator: ", ") + "\n\n"

        text += "One step t\n"
        table = TextTable(header: ["name", "shape", "what"])
        for t in activations where t.part == "step" { table.append([t.name, t.shape, t.note]) }
        text += table.render() + "\n"

        text += "Products at step t\n"
        text += products.map { "  " + $0 + "\n" }.joined() + "\n"

        text += "A whole sequence of T = \(c.steps) steps (PyTorch adds a batch dimension: (B, T, ·) with batch_first)\n"
        table = TextTable(header: ["name", "shape", "what"])
        for t in activations where t.part == "sequence" { table.append([t.name, t.shape, t.note]) }
        return text + table.render()
    }
}
