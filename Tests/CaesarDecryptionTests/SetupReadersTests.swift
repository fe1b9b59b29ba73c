import CaesarCipher
import CaesarNeural
import CaesarText
import Foundation
import Testing

@testable import CaesarDecryption

/// Every setup ranks keys and gives its own output. These networks have all weights zero but
/// the output bias, so what they say is known exactly.
@Suite struct SetupReadersTests {
    /// A model file of `setup` whose output bias is `bias`, trained (so to speak) on windows of 8.
    static func file(_ setup: Setup, bias: [Float]) -> ModelFile {
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 4, bidirectional: true, outputSize: bias.count, setup: setup)
        var parameters = ParameterSet<Float>(layout: ParameterLayout(architecture))
        parameters["out.bias"] = bias
        return ModelFile(architecture: architecture, parameters: parameters,
                         metadata: ["training": #"{"configuration":"{\"sequenceLength\":10}"}"#])
    }

    static func logSoftmax(_ z: [Float]) -> [Double] {
        let total = z.reduce(0.0) { $0 + exp(Double($1)) }
        return z.map { Double($0) - log(total) }
    }

    /// Each window with a letter adds log P(key | window); the text rotates back by the best key.
    @Test func theClassifierAddsItsWindowsPosteriors() throws {
        var bias = [Float](repeating: 0, count: 26)
        bias[7] = 2
        bias[8] = 1
        let decrypter = try NeuralDecrypter(file: Self.file(.manyToOne(.finalStates), bias: bias), path: "k")
        #expect(decrypter.windowLength == 8)
        let plain = "Abcdef..........xyz"  // 19 tokens in even windows of at most 8: 6, 6 and 7; the second has no letter
        let result = try decrypter.decrypt(CaesarShift(key: 7).apply(to: plain))
        #expect(result.ranking.best.key == 7 && result.plaintext == plain)
        #expect(result.ranking.candidates[1].key == 8)
        let windowsWithLetters = 2.0
        let expected = Self.logSoftmax(bias).map { $0 * windowsWithLetters }
        for candidate in result.ranking.candidates { #expect(abs(candidate.score - expected[candidate.key]) < 1e-5) }
        #expect(result.raw == plain && result.rawAgreement == 1)
    }

    /// Each key's plaintext scored by the decoder; with a constant decoder, the key whose
    /// plaintext is all 'e' wins, and the greedy output runs to twice the window.
    @Test func theEncoderDecoderScoresEachKeysPlaintext() throws {
        var bias = [Float](repeating: 0, count: 31)
        bias[4] = 3  // 'e'
        let decrypter = try NeuralDecrypter(file: Self.file(.encoderDecoder, bias: bias), path: "s")
        let result = try decrypter.decrypt("Hhh hh")  // 'h' = 'e' + 3
        #expect(result.ranking.best.key == 3 && result.plaintext == "Eee ee")
        let p = Self.logSoftmax(bias)
        // key k: five letters 'h' − k, one [sep], then [end]
        for candidate in result.ranking.candidates {
            #expect(abs(candidate.score - (5 * p[(7 - candidate.key + 26) % 26] + p[27] + p[29])) < 1e-5)
        }
        #expect(result.rawIndices == [UInt8](repeating: 4, count: 12))  // never [end]: 2 × 6 tokens
        #expect(result.raw == "eeeeeeeeeeee")  // not the text's length: plain tokens
        #expect(result.rawAgreement == 1)  // its first five letters are the rotation's
    }

    @Test func theEvaluationCountsMissingAndExtraCharactersAsWrong() throws {
        var bias = [Float](repeating: 0, count: 31)
        bias[29] = 3  // [end] at once: the greedy output is empty
        let decrypter = try NeuralDecrypter(file: Self.file(.encoderDecoder, bias: bias), path: "s")
        let evaluation = try DecryptionEvaluation(documents: [Array("the quick brown fox jumps over the lazy dog".utf8)],
                                                  lengths: [5], trialsPerLength: 4, seed: 1)
        let row = try evaluation.measure(decrypter)[0]
        #expect(row.rawCharacterAccuracy == 0 && row.rawMessageAccuracy == 0)
    }

    @Test func modelsWithTheWrongOutputsAreRefused() throws {
        #expect(throws: DecryptionError.notADecrypter(path: "k", reason: "it maps 31 inputs to 31 outputs, not 31 to 26")) {
            _ = try NeuralDecrypter(file: Self.file(.manyToOne(.mean), bias: [Float](repeating: 0, count: 31)), path: "k")
        }
        #expect(throws: DecryptionError.notADecrypter(path: "s", reason: "it maps 31 inputs to 26 outputs, not 31 to 31")) {
            _ = try NeuralDecrypter(file: Self.file(.encoderDecoder, bias: [Float](repeating: 0, count: 26)), path: "s")
        }
    }
}
