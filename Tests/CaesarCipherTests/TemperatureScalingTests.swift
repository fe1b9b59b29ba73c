import Foundation
import Testing

@testable import CaesarCipher

@Suite struct TemperatureScalingTests {
    /// Messages whose best key scores 0 and every other key −1; the best key is the true one in
    /// `right` of `count` messages, key 1 in the rest.
    static func messages(right: Int, count: Int, ruledOut: Bool = false) -> (likelihoods: [[Double]], keys: [Int]) {
        let ll = [0.0, -1] + [Double](repeating: ruledOut ? -.infinity : -1, count: 24)
        return ([[Double]](repeating: ll, count: count), (0..<count).map { $0 < right ? 0 : 1 })
    }

    /// With the true key on top half the time, the best key's posterior 1/(1 + 25e^(−β)) must be
    /// 1/2: β = ln 25, T = 1/ln 25.
    @Test func theFitMakesTheTopKeyAsProbableAsItIsRight() {
        let (likelihoods, keys) = Self.messages(right: 20, count: 40)
        #expect(abs(TemperatureScaling.fit(likelihoods: likelihoods, keys: keys) - 1 / log(25.0)) < 1e-9)
    }

    /// Keys ruled out (−∞) take no part: two keys left, right 3 times in 4, β = ln 3.
    @Test func keysRuledOutTakeNoPart() {
        let (likelihoods, keys) = Self.messages(right: 30, count: 40, ruledOut: true)
        #expect(abs(TemperatureScaling.fit(likelihoods: likelihoods, keys: keys) - 1 / log(3.0)) < 1e-9)
    }

    /// Always right: the likelihood of the truth grows without bound as T falls, so the fit
    /// stops at the sharpest temperature allowed; always wrong, at the flattest.
    @Test func aFitWithNothingToBalanceStopsAtTheRange() {
        let right = Self.messages(right: 10, count: 10), wrong = Self.messages(right: 0, count: 10)
        #expect(TemperatureScaling.fit(likelihoods: right.likelihoods, keys: right.keys) == TemperatureScaling.range.lowerBound)
        #expect(TemperatureScaling.fit(likelihoods: wrong.likelihoods, keys: wrong.keys) == TemperatureScaling.range.upperBound)
    }

    @Test func aScheduleInterpolatesBetweenItsLengthsAndHoldsBeyondThem() throws {
        let schedule = try #require(TemperatureSchedule(text: "4:1.5000,8:2.5000"))
        #expect(schedule.temperature(letters: 1) == 1.5)
        #expect(schedule.temperature(letters: 4) == 1.5)
        #expect(schedule.temperature(letters: 6) == 2.0)
        #expect(schedule.temperature(letters: 8) == 2.5)
        #expect(schedule.temperature(letters: 2000) == 2.5)
        #expect(schedule.description == "4:1.5000,8:2.5000")
        #expect(!schedule.isConstant)
        #expect(TemperatureSchedule(text: "8:2.5,4:1.5") == schedule)  // any order, sorted
    }

    @Test func oneNumberIsTheSameTemperatureAtEveryLength() throws {
        let schedule = try #require(TemperatureSchedule(text: "0.994"))
        #expect(schedule.isConstant && schedule.description == "0.9940")
        #expect(schedule.temperature(letters: 4) == 0.994 && schedule.temperature(letters: 400) == 0.994)
        #expect(TemperatureScaling.recorded(nil) == 1)
        #expect(TemperatureScaling.recorded("0.994") == schedule)
    }

    /// What a file may claim is bounded: a value it cannot hold is no schedule, and a file
    /// recording one is read as uncalibrated (1) rather than trusted.
    @Test(arguments: ["", "0", "25", "nan", "inf", "-1", "4:1,4:2", "x:1", "4:1,", "0:1", "-3:1", "4:1:2", "4:99",
                      (1...65).map { "\($0):1" }.joined(separator: ",")])
    func malformedSchedulesAreRefused(text: String) {
        #expect(TemperatureSchedule(text: text) == nil)
        #expect(TemperatureScaling.recorded(text) == 1)
    }

    /// The posterior is the softmax of the log-likelihoods divided by T; the order (and the
    /// scores) stay as they are.
    @Test func aRankingAtATemperatureDividesTheEvidence() {
        let ll = [0.0, -2 * log(3.0)] + [Double](repeating: -1000, count: 24)
        let cool = KeyRanking(method: "m", statistics: ll, logLikelihoods: ll, lettersScored: 5, temperature: 2)
        #expect(abs(cool.best.posterior - 0.75) < 1e-12)
        #expect(abs(cool.candidates[1].posterior - 0.25) < 1e-12)
        #expect(cool.candidates.map(\.key) == KeyRanking(method: "m", statistics: ll, logLikelihoods: ll, lettersScored: 5).candidates.map(\.key))
        #expect(cool.logLikelihoods == ll)
    }

    /// A letter scorer takes its temperature from the statistics, at the message's length.
    @Test func aCrackerUsesTheStatisticsTemperatureForItsLength() throws {
        var statistics = try NgramStatistics.english()
        statistics.temperatures[.unigram] = TemperatureSchedule(points: [(4, 2), (8, 4)])
        let calibrated = Cracker(method: .unigram, statistics: statistics)
        var plain = Cracker(method: .unigram, statistics: statistics)
        plain.temperature = 1
        let letters = Letters.indices(in: "Wkh fdwv")  // 7 letters: T = 3.5
        let raw = plain.rank(letters)
        let expected = KeyRanking(method: "unigram", statistics: raw.logLikelihoods, logLikelihoods: raw.logLikelihoods, lettersScored: 7, temperature: 3.5)
        #expect(calibrated.rank(letters).candidates == expected.candidates)
    }
}
