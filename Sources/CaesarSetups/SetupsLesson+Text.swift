import CaesarLessons

extension SetupsLesson {
    /// The lesson as text: the networks, what each outputs, and the three tables.
    public func text() -> String {
        var out = "Four setups, one task: small LSTMs, trained \(steps) steps each on the same batches (seed \(seed))\n"
        out += "  corpus \(corpus)\n\n"

        var networks = TextTable(header: ["setup", "what it does", "parameters", "validation (best)"])
        for model in models {
            let validation = model.validation.map { "\(model.validationMeasure) \(percent($0))" } ?? "-"
            networks.append([model.role.title, model.role.summary, String(model.parameters), validation])
        }
        out += "The networks\n" + networks.render() + "\n"

        out += "What each outputs, on the same ciphertexts (held-out text, random keys)\n"
        for example in examples {
            var table = TextTable(header: ["", "key", "text"])
            table.append(["ciphertext", "", quoted(example.ciphertext)])
            table.append(["plaintext", String(example.key), quoted(example.plaintext)])
            for output in example.outputs {
                table.append([output.role.title, String(output.key), quoted(output.text)])
            }
            out += table.render() + "\n"
        }

        let titles = models.map(\.role.title)
        var positions = TextTable(header: ["position"] + titles)
        for row in byPosition { positions.append([String(row.label)] + row.values.map(percent)) }
        out += "Characters right by position in the message (\(messagesPerLength) messages of \(byPosition.count) characters)\n"
        out += positions.render() + "\n"

        var characters = TextTable(header: ["characters"] + titles)
        for row in charactersByLength { characters.append([String(row.label)] + row.values.map(percent)) }
        out += "Characters right by message length (each setup's own output; \(messagesPerLength) messages each)\n"
        out += characters.render() + "\n"

        var keys = TextTable(header: ["characters"] + titles + ["quadgram"])
        for row in keysByLength { keys.append([String(row.label)] + row.values.map(percent)) }
        out += "Keys right by message length (the rotation then decrypts exactly)\n" + keys.render() + "\n"

        out += """
            The many-to-many networks write a character per character; the unidirectional one must
            guess the first characters before it has seen enough to know the key. The classifier is
            told the key at every step of training and decrypts by rotation. The encoder-decoder
            writes the message from one state; as a scorer of the 26 candidate plaintexts it does
            far better than as a writer. Every setup's key drives the exact rotation of
            'caesar decrypt'. See Sources/CaesarSetups/README.md.

            """
        return out
    }

    private func percent(_ x: Double) -> String {
        let tenths = (x * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    /// Text between quotes, so spaces at either end show.
    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
