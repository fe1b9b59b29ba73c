/// A small, fast, seedable random number generator: xoshiro256** (Blackman & Vigna, 2018),
/// seeded through SplitMix64 as its authors recommend.
///
/// Everything random in caesar (weight initialization, batch sampling, random keys,
/// evaluation samples) draws from one of these, so a run is reproducible bit for bit from its
/// `--seed`. The helpers below define their own arithmetic instead of calling the standard
/// library's `random(in:using:)`, whose algorithm is not promised to stay the same across
/// Swift releases.
///
///     var rng = SeededGenerator(seed: 0)
///     rng.next()                 // 0x99ec5f36cb75f2b4, the same on every machine
///     rng.uniformInt(below: 26)  // a key in 0..<26
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Codable {
    /// The full generator state; saving it and restoring it resumes the exact sequence.
    public private(set) var state: [UInt64]

    public init(seed: UInt64) {
        var x = seed
        state = (0..<4).map { _ in SeededGenerator.splitMix64(&x) }
    }

    /// Restores a saved ``state`` (four words, not all zero).
    public init?(state: [UInt64]) {
        guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
        self.state = state
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state[1] &* 5, by: 7) &* 9
        let t = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= t
        state[3] = rotateLeft(state[3], by: 45)
        return result
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's multiply-and-reject).
    public mutating func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt(below:) needs a positive bound, got \(bound)")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A uniform `Float` in `[low, high)`, from the top 24 bits (every representable step).
    public mutating func uniformFloat(in low: Float, _ high: Float) -> Float {
        let unit = Float(next() >> 40) * (1.0 / 16_777_216.0)  // [0, 1)
        return low + (high - low) * unit
    }

    /// A uniform `Double` in `[0, 1)`, from the top 53 bits.
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    private static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
