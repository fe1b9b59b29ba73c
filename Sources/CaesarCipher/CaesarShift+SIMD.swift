extension CaesarShift {
    /// Shifts `count` bytes from `source` into `destination` (which may be the same memory),
    /// 32 bytes at a time; the same result as ``applyReference(_:into:count:)``.
    ///
    /// Table lookups cannot be vectorized, arithmetic can: fold the case with `| 0x20`, subtract
    /// `a` to get an alphabet offset, and only where that offset is below 26 (a letter) add the
    /// key and wrap. Bytes ≥ 0x80 and all non-letters fail the test and pass through.
    public func apply(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, count: Int) {
        typealias Vector = SIMD32<UInt8>
        let width = Vector.scalarCount
        let key = Vector(repeating: UInt8(self.key))
        var i = 0
        while i + width <= count {
            let v = UnsafeRawPointer(source + i).loadUnaligned(as: Vector.self)
            let offset = (v | 0x20) &- UInt8(ascii: "a")  // 0...25 for letters of either case
            var moved = offset &+ key
            moved.replace(with: moved &- 26, where: moved .>= 26)
            // v − offset is the letter's `a` or `A`; adding the moved offset keeps the case.
            let shifted = v.replacing(with: v &- offset &+ moved, where: offset .< 26)
            UnsafeMutableRawPointer(destination + i).storeBytes(of: shifted, as: Vector.self)
            i += width
        }
        // The tail, shorter than one vector.
        applyReference(source + i, into: destination + i, count: count - i)
    }
}
