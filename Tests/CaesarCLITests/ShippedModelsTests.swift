import CaesarLanguage
import CaesarNeural
import Foundation
import Testing

/// The models in Models/ are what a user runs right after cloning: they load, they say what
/// they are, and they decrypt. (How well, on text they never saw, is `caesar eval`'s job; the
/// figures are in Models/README.md.)
@Suite struct ShippedModelsTests {
    static let defaultModel = SourceTree.path("Models/default.safetensors")
    static let keyThreeModel = SourceTree.path("Models/rnn-key3.safetensors")

    @Test func theDefaultIsAnAnyKeyBidirectionalLSTMWithItsProvenance() throws {
        let file = try ModelFile.load(from: Self.defaultModel)
        #expect(file.metadata["cipher_key"] == "any")
        let a = file.architecture
        #expect(a.cell == .lstm && a.bidirectional && a.hiddenSize == 256 && a.layers == 1 && a.setup == .manyToMany)
        #expect(file.metadata["training_command"]?.hasPrefix("caesar train ") == true)
        #expect(file.parameters.values.count == 607_775)
    }

    @Test func decryptWithoutAKeyUsesTheDefaultAndFindsTheKey() throws {
        let run = try CaesarRun(["decrypt", "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "The secret meeting is at dawn by the river.\n")
        #expect(run.stderr == "key 3, confidence 1.0000 (English 1.0000; lm over 34 letters)\n")
        let network = try CaesarRun(["decrypt", "--method", "neural", "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."])
        #expect(network.stderr == "key 3, confidence 1.0000 (neural over 34 letters)\n")
        let french = try CaesarRun(["decrypt", "--json", "Zù pde wl mtmwtzesèbfp? Çl, n'pde w'éeé."])
        let result = try JSONSerialization.jsonObject(with: Data(french.stdout.utf8)) as! [String: Any]
        #expect(result["key"] as? Int == 11)
        #expect(result["plaintext"] as? String == "Où est la bibliothèque? Ça, c'est l'été.")
    }

    @Test func theKeyThreeRNNWritesThePlaintextItself() throws {
        let file = try ModelFile.load(from: Self.keyThreeModel)
        #expect(file.metadata["cipher_key"] == "3" && file.architecture.cell == .rnn && !file.architecture.bidirectional)
        let run = try CaesarRun(["decrypt", "--model", Self.keyThreeModel, "--raw", "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."])
        #expect(run.status == 0 && run.stderr.hasPrefix("key 3, confidence "), "\(run.stderr)")
        #expect(run.stdout.contains("network  The secret meeting is at dawn by the river.\n"))
        #expect(run.stdout.contains("100.0% of the letters agree with key 3"))
    }

    /// The language models of the five languages and the char-rnn load, say what they are, and
    /// were calibrated when built.
    @Test func theLanguageModelsAreThere() throws {
        for language in ["en", "fr", "de", "es", "it"] {
            let model = try NgramLanguageModel.load(from: SourceTree.path("Models/languages/\(language).safetensors"))
            #expect(model.language == language && model.order == 6 && model.skeleton != nil)
            #expect(model.metadata["calibration_temperature"] != nil && model.metadata["validation_bits_per_character"] != nil)
        }
        let network = try NeuralLanguageModel(path: SourceTree.path("Models/char-rnn-en.safetensors"))
        #expect(network.language == "en" && network.file.architecture.setup == .languageModel)
    }

    @Test func benchModelTimesLoadingAndDecrypting() throws {
        let run = try CaesarRun(["bench", "model", "--model", Self.keyThreeModel, "--repeats", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["parameters"] as? Int == 24_607)
        #expect(report["bytes"] as? Int == 100_812)
        for figure in ["load_ms", "decrypter_ms", "decrypt_ms"] {
            #expect(((report[figure] as? [String: Double])?["median"]).map { $0 > 0 } == true)
        }
        try CaesarRun.expectError(["bench", "model", "--repeats", "0"], status: 64,
                                  "--repeats must be between 1 and 1000; hint: see 'caesar bench model --help'")
    }
}
