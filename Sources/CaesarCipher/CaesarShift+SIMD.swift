extension CaesarShift {
    /// Shifts `count` bytes from `source` into `destination` (which may be the same memory);
    /// the same result as ``applyReference(_:into:count:)``, many bytes per instruction.
    ///
    /// Table lookups cannot be vectorized, arithmetic can: fold the case with `| 0x20`, subtract
    /// `a` to get an alphabet offset, and only where that offset is below 26 (a letter) add the
    /// key and wrap. Bytes ≥ 0x80 and all non-letters fail the test and pass through. The loop
    /// has no branches and no calls, which is what lets the compiler turn it into SIMD
    /// instructions (16 or 32 bytes at a time); `bench encrypt` measures it.
    /// Only the letters' cipher has the arithmetic path; the other alphabets take the table.
    public func apply(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, count: Int) {
        guard alphabet == .letters else { return applyReference(source, into: destination, count: count) }
        let key = UInt8(self.key)
        for i in 0..<count {
            let byte = source[i]
            let offset = (byte | 0x20) &- UInt8(ascii: "a")  // 0...25 for letters of either case
            let moved = offset &+ key
            let wrapped = moved >= 26 ? moved &- 26 : moved
            // byte − offset is the letter's `a` or `A`; adding the moved offset keeps the case.
            destination[i] = offset < 26 ? byte &- offset &+ wrapped : byte
        }
    }
}
