import CaesarNeural
import CaesarText
import Foundation
import Testing

@testable import CaesarLanguage

@Suite struct NgramLanguageModelFileTests {
    /// Saved and read back, the model gives the same probabilities to half precision, with its
    /// skeleton and metadata.
    @Test func aModelSurvivesTheRoundTrip() throws {
        let path = Fixtures.folder() + "/en.lm"
        try Fixtures.model.save(to: path)
        let loaded = try NgramLanguageModel.load(from: path)
        #expect(loaded.order == 4 && loaded.language == "en" && loaded.ngramCount == Fixtures.model.ngramCount)
        #expect(loaded.skeleton?.ngramCount == Fixtures.model.skeleton?.ngramCount)
        let sequences = NgramLanguageModel.sequences(Array(Fixtures.corpus.validation.prefix(20)))
        for (a, b) in zip(loaded.logLikelihoods(of: sequences), Fixtures.model.logLikelihoods(of: sequences)) {
            #expect(abs(a - b) <= 2e-3 * abs(b))  // F16 keeps three significant digits of each logarithm
        }
    }

    /// Every structural inconsistency is refused by name, before any lookup could use it.
    @Test func aDamagedTrieIsRefused() throws {
        let good = Fixtures.model.safeTensors()
        func damaged(_ name: String, _ change: (inout [UInt32]) -> Void) throws -> SafeTensors {
            var file = good
            let index = file.tensors.firstIndex { $0.name == name }!
            var values = try file.tensors[index].unsignedIntegers()
            change(&values)
            file.tensors[index] = SafeTensors.tensor(name, shape: [values.count], integers: values)
            return try SafeTensors(bytes: file.serialized())
        }
        let cases: [(SafeTensors, String)] = [
            (try damaged("child_mask") { $0[0] |= 1 << 31 }, "children no context"),
            (try damaged("child_mask") { $0[0] ^= $0[0] & (~$0[0] + 1) }, "children, not"),
            (try damaged("successor_mask") { $0[1] |= 1 << 28 }, "predicts tokens no model predicts"),
            (try damaged("successor_mask") { $0[0] &= ~1 }, "predicts tokens no model predicts"),
            (try damaged("successor_mask") { $0[1] |= 1 << 26 | 1 << 25 | 1 << 24 }, "successors, not"),
            (try damaged("contexts_per_depth") { $0[1] += 1 }, "do not match its arrays"),
        ]
        for (file, expected) in cases {
            #expect(throws: (any Error).self) { try NgramLanguageModel(file) }
            do { _ = try NgramLanguageModel(file) } catch { #expect("\(error)".contains(expected), "\(error)") }
        }
        var wrongFormat = good
        wrongFormat.metadata["format"] = "caesar-recurrent"
        #expect(throws: (any Error).self) { try NgramLanguageModel(wrongFormat) }
        var newer = good
        newer.metadata["format_version"] = "2"
        #expect(throws: (any Error).self) { try NgramLanguageModel(newer) }
    }

    @Test func aNetworkFileIsNotAnNgramModel() throws {
        let path = Fixtures.folder() + "/x.lm"
        try Fixtures.model.save(to: path)
        #expect(throws: (any Error).self) { try ModelFile.load(from: path) }
    }
}
