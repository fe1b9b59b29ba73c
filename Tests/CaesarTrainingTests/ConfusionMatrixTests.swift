import CaesarNeural
import Testing

@testable import CaesarTraining

@Suite struct ConfusionMatrixTests {
    static let validation = try! ValidationSet(stream: Fixtures.text, contentLength: 20, count: 40, key: .any)

    /// Target counts over the validation set's text positions, counted from the stream itself.
    static func targetCounts(windows: Int, length: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: 31)
        for token in Fixtures.text.prefix(windows * length) { counts[Int(token)] += 1 }
        return counts
    }

    @Test func aPerfectDecrypterFillsTheDiagonalOnly() throws {
        let fixed = try ValidationSet(stream: Fixtures.text, contentLength: 20, count: 40, key: .fixed(5))
        let matrix = fixed.confusion(of: Fixtures.handMadeDecrypter(key: 5))
        let expected = Self.targetCounts(windows: 40, length: 20)
        #expect(matrix.total == 800 && matrix.correct == 800 && matrix.accuracy == 1)
        for target in 0..<31 {
            #expect(matrix[target: target, predicted: target] == expected[target])
            #expect(matrix.total(target: target) == expected[target])
        }
        #expect(matrix.mistakes(limit: 5).isEmpty)
    }

    @Test func aWrongKeyMovesEveryLetterOffTheDiagonalByTheKeyDifference() throws {
        // Trained for key 5, fed key 3: every letter comes out shifted back by 2.
        let fixed = try ValidationSet(stream: Fixtures.text, contentLength: 20, count: 40, key: .fixed(3))
        let matrix = fixed.confusion(of: Fixtures.handMadeDecrypter(key: 5))
        let expected = Self.targetCounts(windows: 40, length: 20)
        for target in 0..<26 where expected[target] > 0 {
            #expect(matrix[target: target, predicted: (target + 24) % 26] == expected[target])
        }
        #expect(matrix.correct == expected[26] + expected[27])  // only '.' and [sep] stay right
        #expect(matrix.accuracy == fixed.accuracy(of: Fixtures.handMadeDecrypter(key: 5)))
        let top = matrix.mistakes(limit: 3)
        // The letters most often in the text, most frequent first (ties: alphabetical).
        let letters: [Int] = (0..<26).sorted { a, b in expected[a] != expected[b] ? expected[a] > expected[b] : a < b }
        #expect(top.map { $0.target } == Array(letters.prefix(3)))
        #expect(top.map { $0.count } == letters.prefix(3).map { expected[$0] })
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func accuracyIsTheValidationSetsAccuracy(seed: UInt64) {
        let model = ManyToManyModel<Float>(architecture: Architecture(cell: .lstm, inputSize: 31, hiddenSize: 6, outputSize: 31), seed: seed)
        let matrix = Self.validation.confusion(of: model)
        #expect(matrix.total == 800)
        #expect(matrix.accuracy == Self.validation.accuracy(of: model))
        #expect((0..<31).map { matrix.total(target: $0) } == Self.targetCounts(windows: 40, length: 20))
    }
}
