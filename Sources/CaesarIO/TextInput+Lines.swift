extension TextInput {
    /// Calls `body` with successive blocks of up to `blockSize` lines, line breaks removed (a
    /// carriage return before one stays with its line), so that any number of lines is read in
    /// constant memory. A final line without a line break is a line; an empty input has none.
    /// A line longer than `lineLimit` bytes stops the read (``IOError/tooLarge(source:limit:)``)
    /// rather than being held without bound.
    public func forEachLineBlock(blockSize: Int, lineLimit: Int, chunkSize: Int = 1 << 20, _ body: ([String]) throws -> Void) throws {
        precondition(blockSize > 0, "a block holds at least one line")
        var pending: [UInt8] = [], lines: [String] = []
        func checkLength(_ bytes: Int) throws {
            guard bytes <= lineLimit else { throw IOError.tooLarge(source: "a line of \(name)", limit: lineLimit) }
        }
        try forEachChunk(chunkSize: chunkSize) { chunk in
            var start = 0
            for (k, byte) in chunk.enumerated() where byte == UInt8(ascii: "\n") {
                try checkLength(pending.count + (k - start))
                pending += chunk[start..<k]
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
                start = k + 1
                if lines.count == blockSize {
                    try body(lines)
                    lines.removeAll(keepingCapacity: true)
                }
            }
            pending += chunk[start...]
            try checkLength(pending.count)  // a line still open at the chunk's end
        }
        if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
        if !lines.isEmpty { try body(lines) }
    }
}
