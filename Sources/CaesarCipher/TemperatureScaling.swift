import CaesarIO
#if canImport(Glibc)
import Glibc
#endif

/// Honest confidence for any way of ranking keys: one temperature T, fitted on held-out
/// messages, so that a posterior of 0.9 is right nine times in ten.
///
/// A ranker's log-likelihoods ℓₖ are rarely the true ones: a letter scorer ignores how letters
/// depend on each other, a network is trained to be sure, a language model meets text unlike
/// its corpus. Dividing them by T before Bayes' rule,
///
///     P(k | c) ∝ P(k) · exp(ℓₖ / T),
///
/// keeps the order of the keys (the answer) and changes only how sure it is (Guo et al., 2017,
/// "On Calibration of Modern Neural Networks"). T is the one that makes the true keys of
/// held-out messages most probable: the mean negative log-likelihood is convex in β = 1/T, so
/// a bisection on its derivative finds it. `caesar eval` then checks the result as the expected
/// calibration error.
public enum TemperatureScaling {
    /// The temperatures a file may record and a fit may return: beyond them a ranker is so far
    /// from calibrated that a temperature is not the cure.
    public static let range: ClosedRange<Double> = 0.05...20

    /// The metadata key under which model files record their temperature.
    public static let metadataKey = "calibration_temperature"

    /// The metadata key of the command that fitted it (`caesar calibrate …`).
    public static let commandKey = "calibration_command"

    /// The temperatures a file records (`text`, see ``TemperatureSchedule/init(text:)``), or 1
    /// when it records none or something that is not a schedule of temperatures in ``range``.
    public static func recorded(_ text: String?) -> TemperatureSchedule {
        text.flatMap(TemperatureSchedule.init(text:)) ?? 1
    }

    /// The temperature that makes the true keys most probable: per message, the 26 keys'
    /// log-likelihoods (nats, −∞ for a key ruled out) and its true key; `logPrior` is ln P(k).
    public static func fit(likelihoods: [[Double]], keys: [Int], logPrior: [Double] = uniformLogPrior) -> Double {
        precondition(likelihoods.count == keys.count && likelihoods.allSatisfy { $0.count == 26 }, "26 likelihoods per message")
        precondition(logPrior.count == 26, "a prior over the 26 keys")
        // d/dβ of the mean negative log-likelihood: E_posterior[ℓ] − ℓ_true, increasing in β.
        // Keys ruled out (−∞) have posterior 0 and take no part.
        func slope(_ beta: Double) -> Double {
            var total = 0.0
            for (ll, key) in zip(likelihoods, keys) where ll[key].isFinite {
                let z = (0..<26).map { ll[$0].isFinite ? beta * ll[$0] + logPrior[$0] : -Double.infinity }
                let top = z.max()!
                let w = z.map { exp($0 - top) }, sum = w.reduce(0, +)
                total += (0..<26).reduce(0) { w[$1] == 0 ? $0 : $0 + w[$1] / sum * ll[$1] } - ll[key]
            }
            return total / Double(max(keys.count, 1))
        }
        var low = 1 / range.upperBound, high = 1 / range.lowerBound
        guard slope(low) < 0 else { return range.upperBound }
        guard slope(high) > 0 else { return range.lowerBound }
        for _ in 0..<60 {
            let mid = (low * high).squareRoot()
            if slope(mid) < 0 { low = mid } else { high = mid }
        }
        return 1 / (low * high).squareRoot()
    }

    /// ln(1/26) for every key.
    public static let uniformLogPrior = [Double](repeating: -log(26.0), count: 26)
}

/// A temperature for each message length: how far a ranker's evidence is from honest depends on
/// how many letters it has read.
///
/// A quadgram scorer counts each letter in up to four overlapping quadgrams, as if they were
/// independent: over four letters that is one quadgram and honest enough, over twenty it is
/// evidence counted several times over, and its confidence must be cooled more. So the fit is
/// made per length, and between the fitted lengths the temperature is interpolated linearly
/// (beyond them, the nearest one holds). One number for every length is the constant schedule,
/// which is what a language model of text with word gaps needs.
///
/// Written as files record it: `1.0230` (constant) or `4:0.9800,5:1.4100,…,20:3.2000`.
public struct TemperatureSchedule: Sendable, Equatable, Encodable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// (letters, temperature), by increasing letters; one point with letters 0 is a constant.
    public let points: [(letters: Int, temperature: Double)]

    /// The same temperature at every length.
    public init(_ temperature: Double) {
        precondition(TemperatureScaling.range.contains(temperature), "a temperature within \(TemperatureScaling.range)")
        points = [(0, temperature)]
    }

    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// Temperatures at given lengths (distinct, positive), each within ``TemperatureScaling/range``.
    public init(points: [(letters: Int, temperature: Double)]) {
        precondition(!points.isEmpty && Set(points.map(\.letters)).count == points.count, "distinct lengths")
        precondition(points.allSatisfy { $0.letters > 0 && TemperatureScaling.range.contains($0.temperature) }, "positive lengths, temperatures within range")
        self.points = points.sorted { $0.letters < $1.letters }
    }

    /// Parses what ``description`` writes; nil for anything else (not numbers, out of range,
    /// lengths repeated or not positive, more than 64 points).
    public init?(text: String) {
        if let t = Double(text) {
            guard TemperatureScaling.range.contains(t) else { return nil }
            self.init(t)
            return
        }
        let pairs = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...64).contains(pairs.count) else { return nil }
        var points: [(letters: Int, temperature: Double)] = []
        for pair in pairs {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let n = Int(parts[0]), (1...1_000_000).contains(n), let t = Double(parts[1]),
                  TemperatureScaling.range.contains(t), !points.contains(where: { $0.letters == n })
            else { return nil }
            points.append((n, t))
        }
        self.init(points: points)
    }

    /// The temperature for a message of `letters` letters.
    public func temperature(letters: Int) -> Double {
        guard let upper = points.firstIndex(where: { $0.letters >= letters }) else { return points.last!.temperature }
        guard upper > 0 else { return points[0].temperature }
        let (a, b) = (points[upper - 1], points[upper])
        let share = Double(letters - a.letters) / Double(b.letters - a.letters)
        return a.temperature + share * (b.temperature - a.temperature)
    }

    public var isConstant: Bool { points.count == 1 && points[0].letters == 0 }

    /// As files record it, four decimals.
    public var description: String {
        isConstant ? format(points[0].temperature, 4) : points.map { "\($0.letters):\(format($0.temperature, 4))" }.joined(separator: ",")
    }

    /// In JSON as in files: ``description``.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func == (a: TemperatureSchedule, b: TemperatureSchedule) -> Bool {
        a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.letters == $1.letters && $0.temperature == $1.temperature }
    }
}
