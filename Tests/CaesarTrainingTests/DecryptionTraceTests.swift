import CaesarNeural
import CaesarText
import Foundation
import Testing

@testable import CaesarTraining

@Suite struct DecryptionTraceTests {
    @Test(arguments: [(3, "Wkh vhd lv qrw dv ghhs.", "the sea is not as deep.", "The sea is not as deep."),
                      (13, "Uryyb, Jbeyq! 42", "hello world", "Hello, World! 42"),
                      (0, "Café…", "cafe...", "Café…")])
    func aPerfectDecrypterWritesThePlaintextBack(key: Int, ciphertext: String, decoded: String, restored: String) throws {
        let d = try DecryptionTrace(model: Fixtures.handMadeDecrypter(key: key), ciphertext: ciphertext)
        #expect(d.decoded == decoded)
        #expect(d.restored == restored)
        let T = d.encoding.indices.count
        #expect(d.encoding.indices.first == 28 && d.encoding.indices.last == 29)  // one sequence: [start] … [end]
        #expect(d.predicted.count == T && d.probabilities.rows == T && d.probabilities.columns == 31)
        for t in 0..<T {
            #expect(abs(d.probabilities.row(t).reduce(0, +) - 1) < 1e-5)
        }
        #expect(d.hiddenStates.count == 1 && d.hiddenStates[0].rows == T && d.hiddenStates[0].columns == 31)
        // h_t is tanh(4) on the unit of the token read, 0 elsewhere.
        for (t, token) in d.encoding.indices.enumerated() {
            #expect(abs(d.hiddenStates[0][t, Int(token)] - Float(tanh(4.0))) < 1e-6)
        }
    }

    @Test func textWithoutLettersIsAnError() {
        #expect(throws: TrainingError.nothingToDecrypt) { try DecryptionTrace(model: Fixtures.handMadeDecrypter(key: 1), ciphertext: "123 !?") }
        #expect(TrainingError.nothingToDecrypt.description == "the text has no letters or periods, so there is nothing to decrypt; hint: give a text with letters a–z")
    }
}
