/// The fast path for training: a whole text to one flat stream of token indices.
///
/// The same stages as ``TextPipeline``, with no sentences and no restoration record: letters
/// (folded to a–z) and periods, and one `[sep]` (27) for each whitespace gap between them.
/// Exactly:
///
///     CorpusEncoder().indices(of: text)
///         == TextPipeline(options: .init(sentences: .none)).encode(text).indices.dropFirst().dropLast()
///
/// and `TextDecoder.decode(indices:)` of the result is `filter(normalize(text))`. For ASCII
/// text this is the PyTorch reference's `encode(preprocess(text))`, byte for byte.
///
/// ASCII bytes go through a 128-entry table; other scalars are folded by ICU once each and
/// cached, so mostly-ASCII text runs at hundreds of MB/s (`caesar bench pipeline`). Not
/// thread-safe (the cache): one encoder per thread.
public final class CorpusEncoder {
    let folder: ScalarFolder

    public init() throws {
        folder = try ScalarFolder()
    }

    /// The token indices of `text`: 0–25 letters, 26 `.`, 27 `[sep]`.
    public func indices(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { indices(ofUTF8: $0) }
    }

    /// The token indices of UTF-8 bytes (ill-formed bytes count as U+FFFD, which is deleted).
    public func indices(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let p = bytes.baseAddress else { return [] }
        // Output is written with plain stores into a buffer that always has room for
        //   count + (pending [sep]) + (bytes not yet read),
        // which an ASCII byte never breaks (it writes at most what it frees); only a scalar
        // with more tokens than bytes ("ǆ" → d z is not; a long ligature would be) grows it.
        var capacity = bytes.count + 1
        var output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var count = 0
        var gap = false  // whitespace since the last token; written only before the next one
        let ascii = folder.asciiCodes
        var i = 0
        while i < bytes.count {
            let byte = p[i]
            if byte < 0x80 {
                let code = ascii[Int(byte)]
                if code < ScalarFolder.whitespaceCode {
                    if gap { output[count] = 27; count += 1 }
                    gap = false
                    output[count] = code
                    count += 1
                } else if code == ScalarFolder.whitespaceCode {
                    gap = count > 0
                }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.scalar(at: i, in: p, count: bytes.count)
            let fold = folder.fold(scalar)
            i += length
            switch fold.role {
            case .content:
                let needed = count + 1 + fold.tokens.count + (bytes.count - i)
                if needed > capacity {
                    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed * 2)
                    larger.update(from: output, count: count)
                    output.deallocate()
                    (output, capacity) = (larger, needed * 2)
                }
                if gap { output[count] = 27; count += 1 }
                gap = false
                for token in fold.tokens {
                    output[count] = token
                    count += 1
                }
            case .whitespace:
                gap = count > 0
            case .mark, .deleted:
                break
            }
        }
        return Array(UnsafeBufferPointer(start: output, count: count))
    }
}
