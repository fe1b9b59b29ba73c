import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
import CaesarTestSupport
#endif

/// `caesar report` run as a user would: the page's figures, its parts, and every kind of bad input.
@Suite struct ReportCommandTests {
    let hint = "; hint: see 'caesar report --help'"

    static func folder() -> String {
        ScratchFolder.make("report")
    }

    /// Element names of a well-formed XML document, in order, or the parser's error.
    static func elements(of data: Data) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(name)
            }
        }
        let parser = XMLParser(data: data), collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.names
    }

    /// Plain lowercase text whose tokens are its characters: a letter, '.', or a space ([sep]).
    static let corpus = String(repeating: "the quick brown fox jumps over the lazy dog. pack my box with five dozen liquor jugs. ", count: 8)

    @Test func aPerfectDecrypterGetsEverythingRightAndThePageSaysSoExactly() throws {
        let dir = Self.folder(), page = dir + "/page.html", text = dir + "/text.txt"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.corpus.write(toFile: text, atomically: true, encoding: .utf8)
        let model = HandMadeModels.perfectDecrypter(key: 3)
        let run = try CaesarRun(["report", "--model", model, "--corpus", text, "--windows", "5", "--out", page, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let sample = summary["text"] as! [String: Any], validation = summary["validation"] as! [String: Any]
        #expect(sample["plaintext"] as? String == "The keeper lit the lamp at dusk, and the ships passed safely by the rock.")
        #expect(sample["ciphertext"] as? String == "Wkh nhhshu olw wkh odps dw gxvn, dqg wkh vklsv sdvvhg vdihob eb wkh urfn.")
        #expect(sample["key"] as? Int == 3 && sample["tokens"] as? Int == 74)
        #expect(sample["decoded"] as? String == "the keeper lit the lamp at dusk and the ships passed safely by the rock.")
        #expect(sample["correct"] as? Int == 72 && sample["characters"] as? Int == 72)
        #expect(validation["windows"] as? Int == 5 && validation["characters"] as? Int == 310 && validation["accuracy"] as? Double == 1)
        #expect(summary["curves"] == nil && summary["keySchedule"] as? String == "3" && summary["parameters"] as? Int == 31 * 31 * 3 + 31 * 3)

        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<span class=\"mono\">The keeper lit the lamp at dusk, and the ships passed safely by the rock.</span> (the ciphertext with each changed letter"))
        #expect(html.contains("72 of 72 characters (100.00%)"))
        #expect(html.contains("No learning curves: there is no <code>\(dir)/") == false)  // the curves are looked for beside the model
        #expect(html.contains("No learning curves: there is no <code>\(model.dropLast(".safetensors".count)).csv</code> beside the model."))
        #expect(html.contains("The file records no training provenance"))
        #expect(html.contains("<p>No mistakes at all.</p>"))
        // The diagonal: each token as often as the first 5 windows of 62 characters hold it.
        let counts = Dictionary(Self.corpus.prefix(310).map { ($0 == " " ? "[sep]" : String($0), 1) }, uniquingKeysWith: +)
        for (token, n) in counts {
            #expect(html.contains("<title>&apos;\(token)&apos; written as &apos;\(token)&apos;: \(n) of \(n) (100.00%)</title>"), "\(token)")
        }
        #expect(html.components(separatedBy: "written as").count - 1 == counts.count)
    }

    @Test func aTrainedModelsPageHasEveryPartAndIsSelfContained() throws {
        let dir = Self.folder(), page = dir + "/tiny.html"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CaesarRun(["report", "--model", TinyModels.anyKey, "--out", page, "--text", "Meet me at noon.", "--key", "-1"])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("wrote \(page) (") && lines[0].hasSuffix(" bytes)"))
        #expect(lines[1] == "  model       \(TinyModels.anyKey): lstm 8 bidirectional (31 → 31), 3,151 parameters, key any")
        #expect(lines[2] == "  curves      3 validations")
        #expect(lines[3].hasPrefix("  text        18 tokens, key 25: ") && lines[3].hasSuffix(" of 16 characters right"))
        #expect(lines[4].hasPrefix("  validation  256 windows of Corpora/en-the-lighthouse-letters.txt: ") && lines[4].hasSuffix(" of 3,584 characters"))

        let data = try Data(contentsOf: URL(fileURLWithPath: page))
        let names = try Self.elements(of: data)  // well-formed: every element closed, nothing unescaped
        #expect(names.first == "html")
        #expect(names.count { $0 == "svg" } == 6)  // the two curves side by side, one-hot, distribution, one layer, confusion
        #expect(names.count { $0 == "h2" } == 7 && names.count { $0 == "script" } == 1)
        let html = String(decoding: data, as: UTF8.self)
        for part in ["Tensors, as the file names them", "rnn.weight_hh_l0_reverse", "<b>any</b>: every training window", "Validation accuracy",
                     "One-hot input: 18 × 31", "Predicted distribution over the 31 tokens", "Layer 1: h_t of 16 units over 18 steps",
                     "Confusion matrix: 3,584 characters", "The model's training corpus names this file"] {
            #expect(html.contains(part), "\(part)")
        }
        // Nothing is fetched: no sources, no links out, no style imports; the only URL is SVG's namespace.
        #expect(!html.contains("src=") && !html.contains("url(") && !html.contains("@import"))
        #expect(html.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
    }

    /// A wide network's map stays readable: the 32 units of each direction that vary most over
    /// the text, in their order, each labelled with its index.
    @Test func aWideNetworkShowsItsMostActiveUnitsAndSaysSo() throws {
        let dir = Self.folder(), model = HandMadeModels.rnn(hidden: 260, key: "any", name: "wide")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CaesarRun(["report", "--model", model, "--out", dir + "/wide.html", "--windows", "1", "--text", "Hi."])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: dir + "/wide.html", encoding: .utf8)
        #expect(html.contains(" Of the 260 units of each direction, the 32 whose h_t varies most over this text are drawn, in their order; the row labels are their indices.</p>"))
        #expect(html.contains("<title>Layer 1: h_t of 32 units over 5 steps</title>"))
        let section = String(html[html.range(of: "id=\"hidden\"")!.lowerBound...])
        let labels = section.components(separatedBy: ">h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(labels.count == 32 && labels == labels.sorted() && labels.allSatisfy { $0 < 260 })
    }

    /// The model card names the setup from the network itself, for a freshly trained model too.
    @Test func theCardNamesTheSetup() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CaesarRun(["report", "--model", TinyModels.anyKey, "--out", dir + "/tiny.html", "--windows", "1", "--text", "Hi."])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: dir + "/tiny.html", encoding: .utf8)
        #expect(html.contains("<th>setup</th><td>many-to-many: one output per input character, aligned</td>"))
        #expect(!html.contains("not recorded:"))
    }

    @Test func aCheckpointIsNotTakenForAModel() throws {
        let checkpoint = TinyModels.anyKey.replacingOccurrences(of: ".safetensors", with: ".checkpoint.safetensors")
        try CaesarRun.expectError(["report", "--model", checkpoint, "--out", FileManager.default.temporaryDirectory.path + "/never-written.html"], status: 1,
                                  "'\(checkpoint)' is a training checkpoint (the latest weights and the optimizer's state), not a model; hint: give '\(TinyModels.anyKey)', the best model caesar train saved beside it")
    }

    @Test func damagedCurvesAreNotedOnThePageNotFatal() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: TinyModels.fixedKey, toPath: dir + "/m.safetensors")
        try "step,loss\n1,2\n".write(toFile: dir + "/m.csv", atomically: true, encoding: .utf8)
        let run = try CaesarRun(["report", "--model", dir + "/m.safetensors", "--out", dir + "/m.html", "--windows", "4"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  curves      none beside the model\n"))
        let html = try String(contentsOfFile: dir + "/m.html", encoding: .utf8)
        #expect(html.contains("No learning curves: learning curves &apos;\(dir)/m.csv&apos;, line 1: the header is not"))
    }

    @Test func badInputIsOneLineWithAHintAndLeavesTheOldPage() throws {
        let dir = Self.folder(), page = dir + "/old.html"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: page, atomically: true, encoding: .utf8)
        for (arguments, line) in [
            (["--out", page], "give the model to report on with --model FILE"),
            (["--model", "m.safetensors", "--out", "m.safetensors"], "--output names the model file itself; give the page another name"),
            (["--model", "m", "--out", ""], "--output needs a file path"),
            (["--model", "m", "--text", ""], "--text needs some text"),
            (["--model", "m", "--windows", "0"], "The value '0' is invalid for '--windows <n>': --windows must be between 1 and 1024"),
            (["--model", "m", "--key", "x"], "The value 'x' is invalid for '--key <n>'"),
            (["--model", "m", "--corpus", ""], "--corpus needs a file or folder path"),
        ] {
            try CaesarRun.expectError(["report"] + arguments, status: 64, line + hint)
        }
        let model = TinyModels.fixedKey
        for (arguments, line) in [
            (["--model", model, "--out", page, "--text", String(repeating: "abc ", count: 40)], "the text gives 161 tokens, more than the 120 the report shows; hint: give a shorter --text"),
            (["--model", model, "--out", page, "--text", "1, 2, 3!"], "the text has no letters or periods, so there is nothing to decrypt; hint: give a text with letters a–z"),
            (["--model", model, "--out", page, "--corpus", "/no/such.txt"], "cannot open '/no/such.txt': No such file or directory; hint: check the path and its permissions"),
            (["--model", dir + "/none.safetensors", "--out", page], "cannot open '\(dir)/none.safetensors': No such file or directory; hint: check the path and its permissions"),
            (["--model", model, "--out", dir + "/no/such/folder/page.html"], "cannot write '\(dir)/no/such/folder/page.html': No such file or directory; hint: check the folder exists, is writable and has space"),
        ] {
            try CaesarRun.expectError(["report"] + arguments, status: 1, line)
        }
        try "tiny.".write(toFile: dir + "/short.txt", atomically: true, encoding: .utf8)
        try CaesarRun.expectError(["report", "--model", model, "--out", page, "--corpus", dir + "/short.txt"], status: 1,
                                  "\(dir)/short.txt has 5 characters, fewer than one window of 14; hint: give a longer text, or a smaller --seq-len")
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["old.html", "short.txt"])  // no temporary files left
    }
}
