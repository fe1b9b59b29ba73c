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
        #expect(oneHot.stdout.hasPrefix("Shapes of a bidirectional 1-layer LSTM: vocabulary V = 10, one-hot input, hidden H = 7, T = 5 steps\n"))
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
}
