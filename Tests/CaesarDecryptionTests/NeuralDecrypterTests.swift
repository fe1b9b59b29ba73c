import CaesarCipher
import CaesarNeural
import CaesarText
import CaesarTraining
import Foundation
import Testing
import CaesarTestSupport

@testable import CaesarDecryption

@Suite struct NeuralDecrypterTests {
    /// A fixed-key model, trained for a few seconds on a small text: enough to decrypt key 5.
    static let trained: ModelFile = {
        let text = String(repeating: "the quick brown fox jumps over the lazy dog. pack my box with five dozen liquor jugs. ", count: 40)
        let tokens = text.utf8.map { $0 == 32 ? UInt8(27) : $0 == 46 ? UInt8(26) : $0 - 97 }
        var c = TrainingConfiguration(architecture: Architecture(cell: .lstm, inputSize: 31, hiddenSize: 24, bidirectional: true, outputSize: 31))
        c.key = .fixed(5)
        c.sequenceLength = 24
        c.batchSize = 16
        c.steps = 150
        c.validationInterval = 150
        let folder = ScratchFolder.make("decrypter")
        let trainer = try! Trainer(configuration: c, training: tokens, validation: Array(tokens.prefix(500)),
                                   outputs: .init(model: folder + "/m.safetensors", checkpoint: folder + "/c.safetensors"))
        _ = try! trainer.run()
        return trainer.modelFile()
    }()

    @Test func findsTheKeyAndRotatesExactly() throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test")
        let plain = "The lazy dog, the quick FOX: five dozen jugs!"
        let result = try decrypter.decrypt(CaesarShift(key: 5).apply(to: plain))
        #expect(result.ranking.best.key == 5)
        #expect(result.ranking.method == "neural")
        #expect(result.ranking.lettersScored == 34)
        #expect(result.plaintext == plain)
        #expect(abs(result.ranking.candidates.map(\.posterior).reduce(0, +) - 1) < 1e-9)
        // The raw output is restored into the text's own shape: its punctuation comes back as it
        // was (the network may still put a space where a letter belongs).
        #expect(result.raw.count == plain.count)
        #expect(result.raw.filter { $0.isPunctuation } == plain.filter { $0.isPunctuation })
        #expect(result.rawAgreement > 0.5)
    }

    /// A file's `calibration_temperature` divides the scores before the softmax, at the text's
    /// length; without one (or with one out of bounds) the scores are taken as they are.
    @Test func theFilesTemperatureCalibratesTheConfidence() throws {
        let cipher = CaesarShift(key: 5).apply(to: "five dozen jugs")  // 13 letters
        let plain = try NeuralDecrypter(file: Self.trained, path: "test").decrypt(cipher).ranking
        var file = Self.trained
        file.metadata[TemperatureScaling.metadataKey] = "4:2.0000,20:6.0000"
        let decrypter = try NeuralDecrypter(file: file, path: "test")
        #expect(decrypter.temperature.temperature(letters: 13) == 4.25)
        let calibrated = try decrypter.decrypt(cipher).ranking
        let expected = KeyRanking(method: "neural", statistics: plain.logLikelihoods, logLikelihoods: plain.logLikelihoods, lettersScored: 13, temperature: 4.25)
        #expect(calibrated.candidates == expected.candidates)
        file.metadata[TemperatureScaling.metadataKey] = "1e9"
        #expect(try NeuralDecrypter(file: file, path: "test").temperature == 1)
    }

    @Test func rankingAStreamedPrefixAgreesWithTheWholeText() throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test")
        let cipher = CaesarShift(key: 5).apply(to: "pack my box with five dozen liquor jugs")
        let whole = try decrypter.decrypt(cipher).ranking
        let prefix = try decrypter.rank(utf8: Array(cipher.utf8))
        #expect(prefix.best.key == whole.best.key)
        #expect(abs(prefix.best.posterior - whole.best.posterior) < 1e-12)
    }

    /// Many texts ranked in one call (their windows and rotations read as shared batches) get
    /// the rankings each gets alone, up to round-off: other batch shapes may sum in another
    /// order. A text without letters is refused on its own, by its name.
    @Test(arguments: [false, true])
    func rankingManyTextsAtOnceAgreesWithOneAtATime(rotations: Bool) throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test", threads: 1)
        decrypter.rotations = rotations
        let texts = ["pack my box", "with five dozen liquor jugs", "...", "the quick brown fox jumps over the lazy dog. pack my box"]
            .map { CaesarShift(key: 5).apply(to: $0) }
        let sources = texts.indices.map { "line \($0 + 1)" }
        let together = decrypter.rank(texts, sources: sources, prefixLetters: 2000)
        #expect(together.count == texts.count)
        for (k, text) in texts.enumerated() {
            guard k != 2 else {
                #expect(throws: DecryptionError.noLetters(source: "line 3")) { try together[k].get() }
                continue
            }
            let alone = try decrypter.rank(text, source: sources[k], prefixLetters: 2000)
            let batched = try together[k].get()
            #expect(batched.best.key == alone.best.key)
            let byKey = { (r: KeyRanking) in r.candidates.sorted { $0.key < $1.key }.map(\.score) }
            for (a, b) in zip(byKey(batched), byKey(alone)) { #expect(abs(a - b) < 1e-3) }
        }
    }

    /// Long texts are cut into windows of the trained length; the log-probabilities are
    /// normalized at every position.
    @Test func windowsCoverEveryPosition() throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test")
        #expect(decrypter.windowLength == 22)
        let content = (0..<100).map { UInt8($0 % 28) }
        let logP = decrypter.logProbabilities(content)
        #expect(logP.count == 100 * 31)
        for t in 0..<100 {
            let total = (0..<31).reduce(0.0) { $0 + exp(Double(logP[t * 31 + $1])) }
            #expect(abs(total - 1) < 1e-4)
        }
    }

    @Test func windowsAreAsEvenAsPossible() {
        #expect(CiphertextWindows.even(count: 0, longest: 10) == [])
        #expect(CiphertextWindows.even(count: 10, longest: 10) == [0..<10])
        #expect(CiphertextWindows.even(count: 11, longest: 10) == [0..<5, 5..<11])
        #expect(CiphertextWindows.even(count: 25, longest: 10) == [0..<8, 8..<16, 16..<25])
    }

    /// More windows than one batch holds: every window's values are what it gets alone.
    @Test func manyWindowsRunInBoundedBatches() throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test")
        let L = decrypter.windowLength, count = CiphertextWindows.batchLimit + 30
        let content = (0..<(count * L)).map { UInt8(($0 * 7) % 28) }  // exactly `count` full windows
        let all = decrypter.logProbabilities(content)
        for window in [0, CiphertextWindows.batchLimit - 1, CiphertextWindows.batchLimit, count - 1] {
            let alone = decrypter.logProbabilities(Array(content[(window * L)..<((window + 1) * L)]))
            // Equal to Float rounding, relative: a window in a large batch goes through BLAS, alone
            // through the vector kernel; log-probabilities near −15 have ulps of 1e-6.
            for k in 0..<(L * 31) { #expect(abs(all[window * L * 31 + k] - alone[k]) < 1e-5 * max(1, abs(alone[k]))) }
        }
    }

    @Test func refusesTextWithoutLettersAndModelsThatAreNotDecrypters() throws {
        let decrypter = try NeuralDecrypter(file: Self.trained, path: "test")
        #expect(throws: DecryptionError.noLetters(source: "the text")) { try decrypter.decrypt("123 !!! ...") }
        let other = Architecture(cell: .rnn, inputSize: 31, hiddenSize: 4, outputSize: 26)
        let file = ModelFile(architecture: other, parameters: ParameterSet(layout: ParameterLayout(other)))
        #expect(throws: DecryptionError.notADecrypter(path: "k.safetensors", reason: "it maps 31 inputs to 26 outputs, not 31 to 31")) {
            _ = try NeuralDecrypter(file: file, path: "k.safetensors")
        }
    }
}
