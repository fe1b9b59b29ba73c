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

        out += closing()
        return out
    }

    /// What the tables above show, in words drawn from their own numbers: a run with few steps
    /// (or another seed) can reverse a comparison, and the prose then says so.
    func closing() -> String {
        func value(_ row: Row?, _ role: Role) -> Double? {
            guard let row, let k = Role.allCases.firstIndex(of: role), k < row.values.count else { return nil }
            return row.values[k]
        }
        var sentences: [String] = []
        if let uni = value(byPosition.first, .unidirectional), let bi = value(byPosition.first, .bidirectional) {
            sentences.append(uni < bi
                ? "The unidirectional network gets the first character right \(percent(uni)) of the time against the bidirectional one's \(percent(bi)): it must write that character before it has read enough to know the key."
                : "Here the unidirectional network gets the first character right as often as the bidirectional one or more (\(percent(uni)) against \(percent(bi))): with this little training the bidirectional network has not yet learnt to use what it reads ahead.")
        }
        if let longest = keysByLength.last, let written = charactersByLength.last,
           let keys = value(longest, .encoderDecoder), let characters = value(written, .encoderDecoder) {
            sentences.append("At \(longest.label) characters the encoder-decoder's own writing gets \(percent(characters)) of the characters right, and as a judge of the 26 candidate plaintexts it picks the right key \(percent(keys)) of the time"
                + (keys > characters ? ": it reads better than it writes." : "."))
        }
        if let longest = keysByLength.last, let classifier = value(longest, .manyToOne), let quadgram = longest.values.last {
            sentences.append("The classifier, told the key at every step of training, finds it \(percent(classifier)) of the time at \(longest.label) characters; the quadgram scorer \(percent(quadgram)).")
        }
        sentences.append("Every setup's key drives the exact rotation of 'caesar decrypt'. See Sources/CaesarSetups/README.md.")
        return TextWrap.wrap(sentences.joined(separator: " "))
    }

    private func percent(_ x: Double) -> String {
        let tenths = (x * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    /// Text between quotes, so spaces at either end show.
    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
