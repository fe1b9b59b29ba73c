import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `caesar lesson gradients` run as a user would, including the SVG file it writes.
@Suite struct LessonGradientsCommandTests {
    let hint = "; hint: see 'caesar lesson gradients --help'"

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-\(name)").path
    }

    @Test func helpExplainsTheThreshold() throws {
        let run = try CaesarRun(["lesson", "gradients", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("With a sigmoid φ′(a) ≤ φ′(0) = 1/4: |w| < 4 vanishes, |w| > 4 can explode."))
        for flag in ["--activation <name>", "--w <list>", "--steps <T>", "--x <list>", "--b <number>", "--h0 <number>",
                     "--forget-bias <number>", "--svg <path>", "--ascii", "--digits <n>", "--json"] {
            #expect(run.stdout.contains(flag), "\(flag)")
        }
    }

    @Test func tableAndChart() throws {
        let run = try CaesarRun(["lesson", "gradients"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.contains("  6      1.5  explodes               1.5        3325\n"))
        #expect(run.stdout.contains("distance d = T − k"))
        let ascii = try CaesarRun(["lesson", "gradients", "--ascii", "--steps", "5"])
        let chart = ascii.stdout[ascii.stdout.range(of: "Gradient flow over 5 steps (")!.lowerBound...]
        #expect(!chart.contains("│") && !chart.contains("┤") && !chart.contains("●") && !chart.contains("·"))  // labels keep their ∂ and Π
        #expect(chart.contains("* RNN w = 2   o RNN w = 3"))
    }

    @Test func svgIsWrittenAndIsValidXML() throws {
        let path = temporaryPath("gradients.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CaesarRun(["lesson", "gradients", "--w", "-5,3.5", "--steps", "6", "--svg", path])
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(XMLParser(data: data).parse())
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("RNN w = -5") && svg.contains("LSTM Π f") && svg.hasSuffix("</svg>\n"))
    }

    @Test func unwritableSVGPathIsAnErrorAndWritesNothing() throws {
        let run = try CaesarRun(["lesson", "gradients", "--svg", "/nonexistent-folder/g.svg"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "caesar: error: cannot write '/nonexistent-folder/g.svg': No such file or directory; hint: check the folder exists, is writable and has space\n")
        let folder = try CaesarRun(["lesson", "gradients", "--svg", FileManager.default.temporaryDirectory.path + "/"])
        #expect(folder.status == 1 && folder.stderr.contains("it names a folder, not a file"))
    }

    @Test func svgReplacesAnOldFileOnlyWhenComplete() throws {
        let path = temporaryPath("old.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try CaesarRun(["lesson", "gradients", "--activation", "identity", "--w", "1e200", "--svg", path])
        #expect(bad.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")  // the failed run left it alone
    }

    @Test func jsonHasEveryRun() throws {
        let run = try CaesarRun(["lesson", "gradients", "--w", "4", "--x", "0.5,-0.5,1", "--forget-bias", "3", "--json"])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let rnn = (json["rnn"] as! [[String: Any]])[0]
        #expect(rnn["factorAtZero"] as? Double == 1)
        #expect((rnn["byDistance"] as! [Double]).count == 3)
        #expect(((json["lstm"] as! [String: Any])["forgetGates"] as! [Double]).allSatisfy { $0 > 0.9 })  // σ(3 ± 0.3 + …)
    }

    @Test func everyFlagErrorIsOneLine() throws {
        for (arguments, line) in [
            (["--w", "1,2,3,4,5,6,7,8,9,10,11"], "--w has 11 numbers; compare 1 to 10 weights"),
            (["--steps", "0"], "The value '0' is invalid for '--steps <T>': --steps must be between 1 and 200"),
            (["--steps", "3", "--x", "1,2"], "--steps 3 but --x has 2 numbers; give one or make them agree"),
            (["--b", "nan"], "The value 'nan' is invalid for '--b <number>': not a finite number (NaN and infinities cannot be computed with)"),
            (["--svg", ""], "--svg needs a file path"),
            (["--activation", "gelu"], "The value 'gelu' is invalid for '--activation <name>'. Please provide one of 'tanh', 'sigmoid', 'relu' or 'identity'"),
        ] {
            try CaesarRun.expectError(["lesson", "gradients"] + arguments, status: 64, line + hint)
        }
    }
}
