import Foundation
import Testing

/// `caesar lesson shapes` run as a user would.
@Suite struct LessonShapesCommandTests {
    @Test func helpListsThePresets() throws {
        let run = try CaesarRun(["lesson", "shapes", "--help"])
        #expect(run.status == 0)
        for flag in ["rnn128", "lstm128", "lstm256", "lstm2x256", "bilstm128", "--vocabulary <V>", "--embedding <E>", "--one-hot", "--hidden <H>", "--cell <cell>", "--layers <n>", "--bidirectional", "--steps <T>", "--json"] {
            #expect(run.stdout.contains(flag), "\(flag)")
        }
        #expect(run.stdout.contains("USAGE: caesar lesson shapes <options>\n"))  // the options are listed below it
    }

    @Test func theTextbookExampleByDefault() throws {
        let run = try CaesarRun(["lesson", "shapes"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.contains("  total 398 parameters: embedding 150, layer 1 168, output 80\n"))
        #expect(run.stdout.contains("  x_t        15×1  embedding of symbol t\n"))
    }

    @Test func presetsAndOverrides() throws {
        let lstm = try CaesarRun(["lesson", "shapes", "--preset", "lstm256", "--layers", "2"])
        #expect(lstm.stdout.contains("  total 830239 parameters: layer 1 295936, layer 2 526336, output 7967\n"))
        let oneHot = try CaesarRun(["lesson", "shapes", "--one-hot", "--cell", "lstm", "--bidirectional"])
        #expect(oneHot.stdout.hasPrefix("Shapes of a bidirectional 1-layer LSTM\n  vocabulary V = 10, one-hot input, hidden H = 7, T = 5 steps\n"))
    }

    @Test func jsonCarriesEveryTensor() throws {
        let run = try CaesarRun(["lesson", "shapes", "--preset", "rnn128", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(json["parameterCount"] as? Int == 24607)
        let first = (json["parameters"] as! [[String: Any]])[0]
        #expect(first["pytorchKey"] as? String == "RNN.weight_ih_l0" && first["pytorchShape"] as? [Int] == [128, 31] && first["count"] as? Int == 3968)
        #expect((json["configuration"] as! [String: Any])["vocabulary"] as? Int == 31)
    }

    @Test func everyFlagErrorIsOneLine() throws {
        let hint = "; hint: see 'caesar lesson shapes --help'"
        for (arguments, line) in [
            (["--preset", "gpt"], "there is no preset 'gpt'; the presets are rnn128, lstm128, lstm256, lstm2x256, bilstm128"),
            (["--embedding", "8", "--one-hot"], "give --embedding or --one-hot, not both"),
            (["--hidden", "0"], "The value '0' is invalid for '--hidden <H>': --hidden must be between 1 and 1000000"),
            (["--layers", "two"], "The value 'two' is invalid for '--layers <n>': --layers must be a whole number"),
            (["--cell", "gru"], "The value 'gru' is invalid for '--cell <cell>'. Please provide one of 'rnn' and 'lstm'"),
        ] {
            try CaesarRun.expectError(["lesson", "shapes"] + arguments, status: 64, line + hint)
        }
    }

    @Test func aTrainedModelsShapesUnderItsFilesNames() throws {
        let run = try CaesarRun(["lesson", "shapes", "--model", TinyModels.anyKey])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("""
            Model '\(TinyModels.anyKey)': lstm 8 bidirectional (31 → 31)

            Shapes of a bidirectional 1-layer LSTM
              vocabulary V = 31, one-hot input, hidden H = 8, T = 16 steps

            """))
        #expect(run.stdout.contains("  layer 1 reverse  W_x   32×31  input to hidden (i, f, g, o stacked)\n"))
        #expect(run.stdout.contains("                   W_h    32×8  hidden to hidden (i, f, g, o stacked)\n"))
        #expect(run.stdout.contains("  W_x   32×31  rnn.weight_ih_l0_reverse  (32, 31)         992\n"))
        #expect(run.stdout.contains("  W_h    32×8  rnn.weight_hh_l0_reverse  (32, 8)          256\n"))
        #expect(run.stdout.contains("  total 3151 parameters: layer 1 1312, layer 1 reverse 1312, output 527\n"))
        let rnn = try CaesarRun(["lesson", "shapes", "--model", TinyModels.fixedKey, "--steps", "5"])
        #expect(rnn.stdout.contains("Shapes of a 1-layer RNN\n  vocabulary V = 31, one-hot input, hidden H = 12, T = 5 steps\n"))
    }

    @Test func theKeysAndShapesAreTheFilesTensors() throws {
        for model in [TinyModels.anyKey, TinyModels.fixedKey] {
            let run = try CaesarRun(["lesson", "shapes", "--model", model, "--json"])
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let parameters = json["parameters"] as! [[String: Any]]
            let file = try LessonGradientsModelCommandTests.tensors(model)
            #expect(Set(parameters.map { $0["pytorchKey"] as! String }) == Set(file.keys))
            for p in parameters {
                #expect(p["count"] as? Int == file[p["pytorchKey"] as! String]!.count)
            }
            #expect(json["parameterCount"] as? Int == file.values.reduce(0) { $0 + $1.count })
        }
    }

    @Test func aModelAndNetworkOptionsExcludeEachOther() throws {
        try CaesarRun.expectError(["lesson", "shapes", "--model", "m.safetensors", "--hidden", "4"], status: 64,
                                  "--model gives the network; leave out --preset, --vocabulary, --embedding, --one-hot, --hidden, --cell, --layers and --bidirectional; hint: see 'caesar lesson shapes --help'")
        try CaesarRun.expectError(["lesson", "shapes", "--model", "/no/such.safetensors"], status: 1,
                                  "cannot open '/no/such.safetensors': No such file or directory; hint: check the path and its permissions")
    }
}
