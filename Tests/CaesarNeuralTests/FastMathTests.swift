import Foundation
import Testing

@testable import CaesarNeural

/// The vectorized single-precision functions against the C library in double precision.
@Suite struct FastMathTests {
    /// Points across the whole useful range, dense near zero, plus the extremes.
    static let points: [Float] = {
        var xs: [Float] = [0, -0.0, 1e-30, -1e-30, 1e-7, 88, -88, 100, -100, 1e30, -1e30]
        var x: Float = -20
        while x <= 20 { xs.append(x); x += 0.001_37 }
        return xs
    }()

    func check(_ name: String, _ fast: (UnsafeMutablePointer<Float>, Int) -> Void, _ exact: (Double) -> Double, ulps: Float) {
        var values = Self.points
        values.withUnsafeMutableBufferPointer { fast($0.baseAddress!, $0.count) }
        for (x, y) in zip(Self.points, values) {
            let e = Float(exact(Double(x)))
            let tolerance = ulps * max(e.magnitude.ulp, Float.leastNormalMagnitude)
            #expect(abs(y - e) <= tolerance, "\(name)(\(x)) = \(y), exact \(e)")
        }
    }

    @Test func tanhIsAccurate() {
        check("tanh", { Float.tanh($0, count: $1) }, { Foundation.tanh($0) }, ulps: 4)
    }

    @Test func sigmoidIsAccurate() {
        check("sigmoid", { Float.sigmoid($0, count: $1) }, { 1 / (1 + Foundation.exp(-$0)) }, ulps: 4)
    }

    @Test func expIsAccurateWhereItDoesNotOverflow() {
        var values: [Float] = stride(from: -80, through: 80, by: 0.0173).map { Float($0) }
        let inputs = values
        values.withUnsafeMutableBufferPointer { Float.exp($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(inputs, values) {
            let e = Float(Foundation.exp(Double(x)))
            #expect(abs(y - e) <= 3 * e.ulp, "exp(\(x)) = \(y), exact \(e)")
        }
    }
}
