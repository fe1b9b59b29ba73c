import Foundation
import Testing

/// `caesar gradcheck` run as a user would.
@Suite struct GradCheckCommandTests {
    let hint = "; hint: see 'caesar gradcheck --help'"

    func json(_ run: CaesarRun) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    }

    @Test func theDefaultChecksEveryElementOfASmallLSTMAndPasses() throws {
        let run = try CaesarRun(["gradcheck"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(11)) == [
            "Gradient check of 747 parameters, in Double",
            "  network    a new lstm 4 (31 → 31), weights drawn as PyTorch does from seed 0",
            "  batch      B = 3 random sequences of T = 5 tokens with random targets (seed 0)",
            "  loss       L = mean cross-entropy",
            "  numerical  n = central differences (L(θ + ε) − L(θ − ε)) / 2ε",
            "             at ε = 0.001 and ε/2, Richardson-extrapolated",
            "  error      |a − n| / max(|a|, |n|, 0.0001), with a = BPTT's gradient",
            "  passes     a tensor whose largest error is below 1e-06",
            "",
            "  tensor            shape  checked  relative  absolute  result",
            "  ----------------  -----  -------  --------  --------  ------",
        ])
        // Names, shapes and counts are exact; the errors are rounding, so only their size is.
        let rows = lines[11..<17].map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0[0] } == ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "out.weight", "out.bias"])
        #expect(rows.map { $0[1] } == ["16×31", "16×4", "16", "16", "31×4", "31"])
        #expect(rows.map { $0[2] } == ["496", "64", "16", "16", "124", "31"])
        #expect(rows.allSatisfy { $0.last == "pass" && Double($0[3])! < 1e-6 && Double($0[4])! < 1e-10 })
        #expect(lines[17] == "  relative: a tensor's largest error as above; absolute: its largest |a − n|")
        #expect(lines[18] == "passed: every tensor agrees within 1e-06")
        #expect(lines[19].hasPrefix("  largest error ") && lines[20].isEmpty && lines.count == 21)
    }

    @Test func everyArchitectureTheToolkitTrainsPasses() throws {
        for (options, names) in [
            (["--arch", "rnn"], ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "out.weight", "out.bias"]),
            (["--arch", "rnn", "--hidden", "3", "--layers", "2", "--bidirectional", "--seed", "4"], [
                "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                "rnn.weight_ih_l0_reverse", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l0_reverse", "rnn.bias_hh_l0_reverse",
                "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
                "rnn.weight_ih_l1_reverse", "rnn.weight_hh_l1_reverse", "rnn.bias_ih_l1_reverse", "rnn.bias_hh_l1_reverse", "out.weight", "out.bias",
            ]),
            (["--layers", "2", "--steps", "7", "--batch", "2", "--elements", "20"], [
                "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1", "out.weight", "out.bias",
            ]),
        ] {
            let run = try CaesarRun(["gradcheck", "--json"] + options)
            #expect(run.status == 0, "\(options)")
            let report = try json(run), tensors = report["tensors"] as! [[String: Any]]
            #expect(tensors.map { $0["name"] as! String } == names)
            #expect(tensors.allSatisfy { ($0["maxRelativeError"] as! Double) < 1e-6 && $0["passed"] as! Bool })
            #expect(report["passed"] as? Bool == true)
        }
        let deep = try json(try CaesarRun(["gradcheck", "--json", "--arch", "rnn", "--hidden", "3", "--layers", "2", "--bidirectional"]))
        #expect(deep["parameters"] as? Int == 499)  // 2·(93 + 9 + 6) + 2·(18 + 9 + 6) + 186 + 31
    }

    @Test func aSavedModelIsCheckedOnAnEvenSpreadOfElements() throws {
        let run = try CaesarRun(["gradcheck", "--model", TinyModels.anyKey])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Gradient check of 3,151 parameters, in Double\n  network    the weights of"))
        // The model's path can be long: its line continues under itself, words intact.
        let network = run.stdout.split(separator: "\n").dropFirst().prefix { !$0.hasPrefix("  batch") }
        #expect(network.joined(separator: " ").split(separator: " ").joined(separator: " ")
            == "network the weights of '\(TinyModels.anyKey)', lstm 8 bidirectional (31 → 31)")
        #expect(run.stdout.contains("  rnn.weight_ih_l0          32×31  200 of 992 "))
        #expect(run.stdout.contains("  rnn.weight_hh_l0_reverse   32×8  200 of 256 "))
        #expect(run.stdout.contains("  out.bias                     31          31 "))
        let all = try json(try CaesarRun(["gradcheck", "--model", TinyModels.fixedKey, "--elements", "all", "--json"]))
        #expect((all["tensors"] as! [[String: Any]]).map { $0["checked"] as! Int } == [372, 144, 12, 12, 372, 31])
    }

    @Test func aFailingTensorGivesExitStatusOneAndSaysWhere() throws {
        let run = try CaesarRun(["gradcheck", "--tolerance", "1e-30", "--floor", "1e-30"])
        #expect(run.status == 1 && run.stderr.isEmpty)
        #expect(run.stdout.contains("  out.bias             31       31 ") && run.stdout.contains("FAIL\n"))
        let failed = run.stdout[run.stdout.range(of: "\nFAILED: ")!.upperBound...]
        #expect(failed.contains(" tensors differ by 1e-30 or more\n  largest error "))
        #expect(failed.contains(": BPTT ") && failed.contains(" numerical "))
        let report = try json(try CaesarRun(["gradcheck", "--tolerance", "1e-30", "--floor", "1e-30", "--json"]))
        #expect(report["passed"] as? Bool == false)
        #expect(report["measure"] as? String == "|a − n| / max(|a|, |n|, 1e-30)")
    }

    @Test func theJSONCarriesEveryFigure() throws {
        let report = try json(try CaesarRun(["gradcheck", "--json", "--arch", "rnn", "--hidden", "2", "--seed", "7", "--steps", "4", "--batch", "2"]))
        #expect(report["subject"] as? String == "a new rnn 2 (31 → 31), weights drawn as PyTorch does from seed 7")
        #expect(report["parameters"] as? Int == 62 + 4 + 4 + 62 + 31)
        #expect(report["steps"] as? Int == 4 && report["batch"] as? Int == 2 && report["seed"] as? Int == 7)
        #expect(report["epsilon"] as? Double == 0.001 && report["floor"] as? Double == 0.0001 && report["tolerance"] as? Double == 1e-6)
        let first = (report["tensors"] as! [[String: Any]])[0]
        #expect(first["shape"] as? [Int] == [2, 31] && first["elements"] as? Int == 62 && first["checked"] as? Int == 62)
        let (a, n) = (first["worstAnalytic"] as! Double, first["worstNumerical"] as! Double)
        #expect(abs(a - n) <= first["maxAbsoluteError"] as! Double)
    }

    @Test func badInputIsOneLineWithAHint() throws {
        for (arguments, line) in [
            (["--model", "m.safetensors", "--hidden", "3"], "give --model or the shape options (--arch, --hidden, --layers, --bidirectional), not both"),
            (["--elements", "0"], "The value '0' is invalid for '--elements <n|all>': give a whole number of at least 1, or 'all'"),
            (["--tolerance", "-1"], "--tolerance must be positive, got -1.0"),
            (["--floor", "0"], "--floor must be positive, got 0.0"),
            (["--steps", "0"], "The value '0' is invalid for '--steps <T>': --steps must be between 1 and 200"),
            (["--batch", "65"], "The value '65' is invalid for '--batch <B>': --batch must be between 1 and 64"),
            (["--model", ""], "--model needs a file path"),
        ] {
            try CaesarRun.expectError(["gradcheck"] + arguments, status: 64, line + hint)
        }
        try CaesarRun.expectError(["gradcheck", "--model", "/no/such.safetensors"], status: 1,
                                  "cannot open '/no/such.safetensors': No such file or directory; hint: check the path and its permissions")
        let text = SourceTree.path("Corpora/README.md")
        let claimed = try Data(contentsOf: URL(fileURLWithPath: text)).prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        try CaesarRun.expectError(["gradcheck", "--model", text], status: 1,
                                  "model '\(text)': header claims \(claimed) bytes, more than the 100 MiB allowed; hint: the file is damaged or not a safetensors file; re-save it")
        try CaesarRun.expectError(["gradcheck", "-o", "/no/such/folder/out.txt"], status: 1,
                                  "cannot write '/no/such/folder/out.txt': No such file or directory; hint: check the folder exists, is writable and has space")
    }
}
