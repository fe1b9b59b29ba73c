import CaesarNeural
import Foundation
import CaesarTestSupport

@testable import CaesarTraining

/// Small corpora and scratch folders for training tests.
enum Fixtures {
    /// Lowercase ASCII text as token indices (a–z, '.', space → [sep]).
    static func tokens(_ text: String) -> [UInt8] {
        text.utf8.compactMap { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a")
            case UInt8(ascii: "."): return 26
            case UInt8(ascii: " "): return 27
            default: return nil
            }
        }
    }

    static let text = tokens(String(repeating: """
        the quick brown fox jumps over the lazy dog. a journey of a thousand miles begins with a single step. \
        all that glitters is not gold. fortune favours the bold. the early bird catches the worm. \
        knowledge is power and time is money. practice makes perfect. actions speak louder than words. 
        """, count: 6))

    static func folder() -> String {
        ScratchFolder.make("training")
    }

    static func configuration(key: KeySchedule = .fixed(3), steps: Int = 40) -> TrainingConfiguration {
        var c = TrainingConfiguration(architecture: Architecture(cell: .rnn, inputSize: 31, hiddenSize: 24, outputSize: 31))
        c.key = key
        c.sequenceLength = 18
        c.batchSize = 8
        c.steps = steps
        c.validationInterval = 10
        c.validationWindows = 16
        c.seed = 5
        return c
    }

    static func outputs(in folder: String) -> Trainer.Outputs {
        Trainer.Outputs(model: folder + "/model.safetensors", checkpoint: folder + "/model.checkpoint.safetensors")
    }

    /// A decrypter for `key` made by hand, exact by construction: an RNN with one hidden unit
    /// per token (W_ih = 4·I, W_hh = 0), so h_t holds the input token alone, and a head that
    /// maps the unit of each ciphertext token to its plaintext token.
    static func handMadeDecrypter(key: Int) -> ManyToManyModel<Float> {
        let V = 31
        let architecture = Architecture(cell: .rnn, inputSize: V, hiddenSize: V, outputSize: V)
        var p = ParameterSet<Float>(layout: ParameterLayout(architecture))
        var wIH = [Float](repeating: 0, count: V * V), wOut = wIH
        for j in 0..<V {
            wIH[j * V + j] = 4
            let plain = j < 26 ? (j - key % 26 + 26) % 26 : j
            wOut[plain * V + j] = 8
        }
        p["rnn.weight_ih_l0"] = wIH
        p["out.weight"] = wOut
        return ManyToManyModel(architecture: architecture, parameters: p, threads: 1)
    }
}
