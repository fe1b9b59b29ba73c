import CaesarNeural
import Testing

@testable import CaesarTraining

/// Each setup is validated by its own output; these models output something known, so the
/// accuracies are exact.
@Suite struct ValidationSetTests {
    static let set = try! ValidationSet(stream: Fixtures.text, contentLength: 10, count: 30, key: .any)

    /// A network whose weights are all zero but the output bias, which favours class `favourite`.
    static func constant(_ setup: Setup, outputs: Int, favourite: Int) -> any TrainableModel<Float> {
        let architecture = Architecture(cell: .rnn, inputSize: 31, hiddenSize: 4, outputSize: outputs, setup: setup)
        var parameters = ParameterSet<Float>(layout: ParameterLayout(architecture))
        parameters["out.bias"] = (0..<outputs).map { $0 == favourite ? 1 : 0 }
        return makeTrainableModel(architecture: architecture, parameters: parameters, threads: 2)
    }

    /// Characters of the validation text equal to token `k`.
    static func count(_ k: Int32) -> Int { set.plaintexts.joined().filter { $0 == k }.count }

    @Test func theClassifierIsJudgedByItsKeys() {
        // Always key 0: right for windows 0 and 26 of the 30 (keys i mod 26).
        let classifier = Self.constant(.manyToOne(.finalStates), outputs: 26, favourite: 0)
        #expect(Self.set.accuracy(of: classifier) == 2.0 / 30)
        // Its output is the ciphertext rotated back by key 0: letters right only in those two windows.
        let letters = Self.set.plaintexts.enumerated().map { b, window in window.filter { $0 < 26 }.count * (b % 26 == 0 ? 0 : 1) }
        let characters = Self.set.accuracies(of: classifier).characters
        #expect(characters == Double(300 - letters.reduce(0, +)) / 300)
    }

    @Test func theManyToManyNetworkIsJudgedByItsCharacters() {
        let manyToMany = Self.constant(.manyToMany, outputs: 31, favourite: 4)  // 'e' everywhere
        #expect(Self.set.accuracy(of: manyToMany) == Double(Self.count(4)) / 300)
    }

    /// What a run validates on, from one forward pass where the setup allows: the same accuracy
    /// and the same loss, bit for bit, as measured separately.
    @Test(arguments: [Setup.manyToMany, .manyToOne(.finalStates), .encoderDecoder])
    func measureIsTheAccuracyAndTheLoss(_ setup: Setup) {
        let outputs = setup == .manyToOne(.finalStates) ? 26 : 31
        let architecture = Architecture(cell: .lstm, inputSize: 31, hiddenSize: 8, outputSize: outputs, setup: setup)
        let model = makeTrainableModel(architecture: architecture, seed: 3, threads: 2, as: Float.self)
        let (accuracy, loss) = Self.set.measure(model)
        #expect(accuracy == Self.set.accuracy(of: model))
        #expect(loss == model.loss(Self.set.batch))
    }

    /// The greedy output compared position by position: missing characters count as wrong, and
    /// so do extra ones (up to twice the window's length).
    @Test func theEncoderDecoderIsJudgedByItsGreedyOutput() {
        let silent = Self.constant(.encoderDecoder, outputs: 31, favourite: 29)  // [end] at once
        #expect(Self.set.accuracies(of: silent) == (0, 0))
        let endless = Self.constant(.encoderDecoder, outputs: 31, favourite: 4)  // 'e', never [end]
        #expect(Self.set.accuracy(of: endless) == Double(Self.count(4)) / 600)
    }
}
