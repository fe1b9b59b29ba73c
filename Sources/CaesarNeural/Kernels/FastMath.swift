/// Vectorized `exp`, `tanh` and logistic sigmoid for `Float`, sixteen lanes at a time.
///
/// The C library computes one value per call; a recurrent layer needs hundreds of thousands
/// per batch, so these are the classic Cephes single-precision approximations written on
/// `SIMD16<Float>`: range reduction plus a short polynomial evaluated with fused
/// multiply-adds (`addingProduct`), accurate to a few units in the last place over the whole
/// range (tests hold them against the `Double` functions).
public enum FastMath {
    public typealias Vector = SIMD16<Float>

    /// Applies `f` to `count` values in place; the tail is padded into one last vector.
    @inlinable
    public static func apply(_ x: UnsafeMutablePointer<Float>, count: Int, _ f: (Vector) -> Vector) {
        var i = 0
        while i + Vector.scalarCount <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(x + i).storeBytes(of: f(v), as: Vector.self)
            i += Vector.scalarCount
        }
        if i < count {
            var v = Vector()
            for k in 0..<(count - i) { v[k] = x[i + k] }
            let y = f(v)
            for k in 0..<(count - i) { x[i + k] = y[k] }
        }
    }

    /// e^x: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a degree-6 polynomial, 2^n by exponent bits.
    ///
    /// Written with mask selects and bit tricks only: the standard library's `clamped`,
    /// `rounded` and float-to-integer conversions on SIMD types run lane by lane.
    @inlinable
    public static func exp(_ x: Vector) -> Vector {
        let low = Vector(repeating: -87.33654), high = Vector(repeating: 88.37626)
        var x = x.replacing(with: low, where: x .< low)
        x = x.replacing(with: high, where: x .> high)
        // Adding 1.5·2²³ rounds to a whole number and leaves it in the low mantissa bits.
        let magic = Vector(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        var r = x - n * 0.693_359_375  // ln 2 split in two parts so n·ln2 is exact
        r = r - n * -2.121_944_4e-4
        let z = r * r
        var p = Vector(repeating: 1.987_569_15e-4)
        p = Vector(repeating: 1.398_199_950_7e-3).addingProduct(p, r)
        p = Vector(repeating: 8.333_451_907_3e-3).addingProduct(p, r)
        p = Vector(repeating: 4.166_579_589_4e-2).addingProduct(p, r)
        p = Vector(repeating: 1.666_666_545_9e-1).addingProduct(p, r)
        p = Vector(repeating: 5.000_000_120_1e-1).addingProduct(p, r)
        let y = (r + 1).addingProduct(p, z)
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000  // n
        return y * unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)  // y · 2^n
    }

    /// tanh x: the odd rational minimax approximation p(x)/q(x), degrees 13 and 6, that Eigen,
    /// XLA and ONNX Runtime's MLAS use, on x clamped to ±7.905 (beyond it tanh rounds to ±1).
    /// One division and eleven multiply-adds, against e^2x and a division for 1 − 2/(e^2x + 1):
    /// the LSTM takes a tanh of every cell input and every cell state. Being odd, it keeps full
    /// relative accuracy near zero, where the exponential formula would cancel.
    @inlinable
    public static func tanh(_ x: Vector) -> Vector {
        let limit = Vector(repeating: 7.905_311_107_635_498_05)
        var x = x.replacing(with: limit, where: x .> limit)
        x = x.replacing(with: -limit, where: x .< -limit)
        let z = x * x
        var p = Vector(repeating: -2.760_768_477_423_55e-16)
        p = Vector(repeating: 2.000_187_904_824_77e-13).addingProduct(p, z)
        p = Vector(repeating: -8.604_671_522_137_35e-11).addingProduct(p, z)
        p = Vector(repeating: 5.122_297_090_371_14e-08).addingProduct(p, z)
        p = Vector(repeating: 1.485_722_357_179_79e-05).addingProduct(p, z)
        p = Vector(repeating: 6.372_619_288_754_36e-04).addingProduct(p, z)
        p = Vector(repeating: 4.893_524_558_917_86e-03).addingProduct(p, z)
        var q = Vector(repeating: 1.198_258_394_667_02e-06)
        q = Vector(repeating: 1.185_347_056_866_54e-04).addingProduct(q, z)
        q = Vector(repeating: 2.268_434_632_439_00e-03).addingProduct(q, z)
        q = Vector(repeating: 4.893_525_185_543_85e-03).addingProduct(q, z)
        return x * p / q
    }

    /// σ(x) = 1 / (1 + e^(−x)).
    @inlinable
    public static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }
}
