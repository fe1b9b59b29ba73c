import CaesarCipher
import CaesarIO
import CaesarNeural
import Foundation
import Testing
import CaesarTestSupport

@testable import CaesarDecryption

@Suite struct MethodCalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let story = root.appendingPathComponent("Corpora/en-the-lighthouse-letters.txt").path

    /// Messages of `n` letters whose best key scores 0 and every other −1, the best key right in
    /// `right` of `count`.
    static func messages(letters n: Int, right: Int, count: Int) -> (likelihoods: [[Double]], keys: [Int], letters: [Int]) {
        let ll = [0.0] + [Double](repeating: -1, count: 25)
        return ([[Double]](repeating: ll, count: count), (0..<count).map { $0 < right ? 0 : 1 }, [Int](repeating: n, count: count))
    }

    /// Each length gets the temperature of its own messages; a length with fewer than ten
    /// wrong answers keeps the one before it (here: 6 letters, 9 wrong, keeps 4's).
    @Test func eachLengthIsFittedOnItsOwnMessagesUnlessItHasTooFewErrors() {
        let a = Self.messages(letters: 4, right: 20, count: 40), b = Self.messages(letters: 6, right: 31, count: 40)
        let c = Self.messages(letters: 10, right: 30, count: 40)
        let schedule = MethodCalibration.schedule(
            likelihoods: a.likelihoods + b.likelihoods + c.likelihoods, keys: a.keys + b.keys + c.keys,
            letters: a.letters + b.letters + c.letters, logPrior: TemperatureScaling.uniformLogPrior)
        // 4 letters: right half the time, 1/(1 + 25e^−β) = 1/2; 10 letters: 3 in 4, = 3/4.
        let four = (1 / log(25.0) * 10_000).rounded() / 10_000, ten = (1 / log(75.0) * 10_000).rounded() / 10_000
        #expect(schedule == TemperatureSchedule(points: [(4, four), (6, four), (10, ten)]))
    }

    @Test func aFirstLengthWithoutErrorsStartsFromOne() {
        let a = Self.messages(letters: 5, right: 40, count: 40)
        #expect(MethodCalibration.schedule(likelihoods: a.likelihoods, keys: a.keys, letters: a.letters, logPrior: TemperatureScaling.uniformLogPrior)
                == 1)
    }

    /// A decrypter for one key has no choice among keys to be sure or unsure of.
    @Test func aFixedKeyModelIsRefused() throws {
        let folder = ScratchFolder.make("calibration")
        let model = folder + "/key5.safetensors"
        try NeuralDecrypterTests.trained.save(to: model)
        let plan = MethodCalibration.Plan(method: .neural, file: model, corpus: [Self.story])
        #expect(throws: DecryptionError.fixedKeyCalibration(path: model, key: 5)) { try MethodCalibration.fit(plan) }
    }

    /// The whole round: fit a letter scorer on a text, write the statistics with the fitted
    /// temperatures and the command, read them back, and crack with them.
    @Test func aFittedTemperatureIsRecordedAndUsed() throws {
        let folder = ScratchFolder.make("calibration")
        var english = try NgramStatistics.english()
        english.temperatures = [:]
        let file = folder + "/english.ngrams", output = folder + "/calibrated.ngrams"
        try AtomicFile.write(Array(english.formatted().utf8), to: file)
        var plan = MethodCalibration.Plan(method: .bigram, file: file, corpus: [Self.story])
        (plan.lengths, plan.trialsPerLength, plan.command) = ([4, 8], 60, "caesar calibrate --method bigram …")
        let fit = try MethodCalibration.fit(plan)
        #expect(fit.messages == 120 && fit.recorded == 1 && fit.rows.map(\.letters) == [4, 8])
        try MethodCalibration.record(fit.temperature, plan: plan, to: output)
        let calibrated = try NgramStatistics.load(path: output)
        #expect(calibrated.temperatures == [.bigram: fit.temperature])
        #expect(calibrated.notes.last == "Calibrated with: caesar calibrate --method bigram …")
        #expect(calibrated.quadgrams == english.quadgrams)
        #expect(try NgramStatistics.load(path: file) == english)  // the input stays as it was
        var settings = CrackingMethod.Settings()
        settings.statistics = calibrated
        let cracker = try #require(try CrackingMethod.bigram.ranker(settings) as? Cracker)
        #expect(cracker.temperature == fit.temperature)
    }
}
