import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `caesar lesson gradients --model`: gradient norms measured in a trained network, checked
/// against the chain rule worked out here from the model file's bytes.
@Suite struct LessonGradientsModelCommandTests {
    let hint = "; hint: see 'caesar lesson gradients --help'"
    let sentence = "the quick brown fox jumps over the lazy dog. then it keeps running far away into the woods."

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try CaesarRun(["lesson", "gradients", "--json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    }

    /// The tensors of a safetensors file of float32 values, read without the project's reader.
    static func tensors(_ path: String) throws -> [String: [Double]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)])) as! [String: Any]
        var tensors: [String: [Double]] = [:]
        for (name, value) in header where name != "__metadata__" {
            let offsets = (value as! [String: Any])["data_offsets"] as! [Int]
            tensors[name] = stride(from: 8 + length + offsets[0], to: 8 + length + offsets[1], by: 4).map { k in
                Double(Float(bitPattern: bytes[k..<(k + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
            }
        }
        return tensors
    }

    /// ‖∂L_t/∂h_{t−d}‖ of a one-layer tanh RNN for one window, from first principles:
    /// forward h_s = tanh(W_ih[:, x_s] + b_ih + W_hh·h_{s−1} + b_hh), logits z = W_out·h_t + b_out,
    /// then ∂L/∂z = softmax(z) − onehot(y), ∂L/∂h_t = W_outᵀ·∂L/∂z, ∂L/∂h_{s−1} = W_hhᵀ·((1 − h_s²) ⊙ ∂L/∂h_s).
    static func norms(_ w: [String: [Double]], hidden H: Int, inputs x: [Int], target y: Int) -> [Double] {
        let V = 31
        var h = [[Double]](), previous = [Double](repeating: 0, count: H)
        for token in x {
            previous = (0..<H).map { j in
                tanh(w["rnn.weight_ih_l0"]![j * V + token] + w["rnn.bias_ih_l0"]![j] + w["rnn.bias_hh_l0"]![j]
                     + (0..<H).reduce(0) { $0 + w["rnn.weight_hh_l0"]![j * H + $1] * previous[$1] })
            }
            h.append(previous)
        }
        let t = x.count - 1
        let z = (0..<V).map { o in w["out.bias"]![o] + (0..<H).reduce(0) { $0 + w["out.weight"]![o * H + $1] * h[t][$1] } }
        let e = z.map { exp($0 - z.max()!) }, total = e.reduce(0, +)
        var dz = e.map { $0 / total }
        dz[y] -= 1
        var dh = (0..<H).map { j in (0..<V).reduce(0) { $0 + w["out.weight"]![$1 * H + j] * dz[$1] } }
        var norms = [sqrt(dh.reduce(0) { $0 + $1 * $1 })]
        for s in stride(from: t, to: 0, by: -1) {
            let da = (0..<H).map { dh[$0] * (1 - h[s][$0] * h[s][$0]) }
            dh = (0..<H).map { k in (0..<H).reduce(0) { $0 + w["rnn.weight_hh_l0"]![$1 * H + k] * da[$1] } }
            norms.append(sqrt(dh.reduce(0) { $0 + $1 * $1 }))
        }
        return norms
    }

    @Test(arguments: [(10, 3), (6, 5), (20, 2)])
    func theNormsAreTheChainRuleOnTheModelsOwnWeights(seqLen: Int, windows: Int) throws {
        let report = try json(["--model", TinyModels.fixedKey, "--text", sentence, "--seq-len", "\(seqLen)", "--windows", "\(windows)"])
        let L = seqLen - 2
        #expect(report["lossStep"] as? Int == L)
        let measured = report["normsByDistance"] as! [[Double]]
        #expect(measured.count == windows)
        // Windows as the trainer validates: the text's tokens (a–z, '.', a space is [sep]),
        // cut into pieces of L, wrapped in [start] … [end], letters shifted by the model's key 3.
        let tokens = sentence.utf8.map { $0 == UInt8(ascii: " ") ? 27 : $0 == UInt8(ascii: ".") ? 26 : Int($0 - UInt8(ascii: "a")) }
        let weights = try Self.tensors(TinyModels.fixedKey)
        for b in 0..<windows {
            let plain = Array(tokens[(b * L)..<((b + 1) * L)])
            let inputs = [28] + plain.map { $0 < 26 ? ($0 + 3) % 26 : $0 }
            let expected = Self.norms(weights, hidden: 12, inputs: inputs, target: plain[L - 1])
            #expect(measured[b].count == L + 1)
            for (m, e) in zip(measured[b], expected) { #expect(abs(m - e) <= 1e-9 * max(e, 1e-300), "window \(b): \(m) against \(e)") }
        }
        let mean = report["mean"] as! [Double]
        for d in 0...L { #expect(abs(mean[d] - measured.map { $0[d] }.reduce(0, +) / Double(windows)) <= 1e-15 * mean[d]) }
    }

    @Test func theTextSaysWhatWasMeasured() throws {
        let run = try CaesarRun(["lesson", "gradients", "--model", TinyModels.anyKey, "--windows", "4"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        // The model's path and the text's description continue under themselves (9 spaces in);
        // joined back, they are one line each.
        let joined = Self.joiningContinuations(run.stdout)
        #expect(joined.hasPrefix("""
            Gradient flow in a trained network, by BPTT: ‖∂L_t/∂h_{t−d}‖ by distance d
              model  '\(TinyModels.anyKey)', lstm 8 bidirectional (31 → 31); its forward direction is measured
              text   Corpora/en-the-lighthouse-letters.txt, the first 4 windows of 14 characters, window i encrypted with key i mod 26 (it was trained on every key)
              L_t is the cross-entropy at the last character of a window (t = 14), h the
              first layer's forward hidden state; each row is the mean over the 4 windows.

              d   mean ‖∂L_t/∂h_{t−d}‖  relative to d = 0
              --  --------------------  -----------------

            """))
        #expect(run.stdout.contains("  Compare: caesar lesson gradients --w "))
        #expect(run.stdout.contains("● RNN, ") && run.stdout.contains(" a step   ○ measured\n"))
        let fixed = try CaesarRun(["lesson", "gradients", "--model", TinyModels.fixedKey, "--text", sentence])
        #expect(Self.joiningContinuations(fixed.stdout).contains(
            "  text   the --text, the first 6 windows of 14 characters, encrypted with key 3, the key it was trained on\n"))
    }

    /// The text with each line that continues the model's or the text's description joined to
    /// the line before it.
    static func joiningContinuations(_ text: String) -> String {
        text.replacingOccurrences(of: "\n         ", with: " ")
    }

    @Test func theRowsPrintTheJSONsNumbers() throws {
        let arguments = ["--model", TinyModels.anyKey, "--windows", "2", "--seq-len", "8", "--corpus", SourceTree.path("Corpora/fr-la-lettre-du-phare.txt")]
        let report = try json(arguments)
        let text = try CaesarRun(["lesson", "gradients", "--digits", "6"] + arguments).stdout
        let mean = report["mean"] as! [Double], relative = report["relative"] as! [Double]
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        for d in 0...6 {
            #expect(rows.contains([String(d), String(format: "%.6g", mean[d]), String(format: "%.6g", relative[d])]), "d = \(d)")
        }
        #expect(abs((report["factorPerStep"] as! Double) - pow(relative[6], 1.0 / 6)) < 1e-15)
    }

    @Test func theSVGIsThePlotOfTheMeasurement() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-measured.svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CaesarRun(["lesson", "gradients", "--model", TinyModels.anyKey, "--windows", "2", "--svg", path])
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(XMLParser(data: data).parse())
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("<title>Gradient flow measured over 2 windows</title>") && svg.contains(">measured</text>"))
    }

    @Test func badInputIsOneLineWithAHint() throws {
        for (arguments, line) in [
            (["--windows", "3"], "--text, --corpus, --windows and --seq-len measure a trained model; give --model FILE too"),
            (["--model", "m", "--w", "3"], "--model measures a trained network; the sweep's options (--w, --activation, --steps, --x, --b, --h0, --forget-bias) are for the analytic lesson"),
            (["--model", "m", "--text", "a", "--corpus", "c"], "give --text or --corpus, not both"),
            (["--model", "m", "--windows", "0"], "The value '0' is invalid for '--windows <n>': --windows must be between 1 and 256"),
            (["--model", "m", "--seq-len", "2"], "The value '2' is invalid for '--seq-len <n>': --seq-len must be between 3 and 1024"),
            (["--model", "m", "--text", ""], "--text needs some text"),
        ] {
            try CaesarRun.expectError(["lesson", "gradients"] + arguments, status: 64, line + hint)
        }
        try CaesarRun.expectError(["lesson", "gradients", "--model", TinyModels.fixedKey, "--text", "too short"], status: 1,
                                  "the --text has 9 characters, fewer than one window of 14; hint: give a longer text, or a smaller --seq-len")
        try CaesarRun.expectError(["lesson", "gradients", "--model", TinyModels.fixedKey, "--corpus", "/no/such.txt"], status: 1,
                                  "cannot open '/no/such.txt': No such file or directory; hint: check the path and its permissions")
        try CaesarRun.expectError(["lesson", "gradients", "--model", "/no/such.safetensors"], status: 1,
                                  "cannot open '/no/such.safetensors': No such file or directory; hint: check the path and its permissions")
    }
}
