extension TextPipeline {
    /// ``encode(_:)`` on UTF-8 bytes (ill-formed bytes count as U+FFFD, which is deleted).
    public func encode(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> Encoding {
        try encode(utf8: bytes, asciiFastPath: true)
    }

    /// With `asciiFastPath: false`, every scalar takes the general path (cached ICU fold, one
    /// restoration unit each): the naive reference that the tests hold the fast path equal to.
    func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, asciiFastPath: Bool) throws -> Encoding {
        guard bytes.count <= TextPipeline.maximumBytes else {
            throw TextError.textTooLong(bytes: bytes.count, limit: TextPipeline.maximumBytes)
        }
        var builder = EncodingBuilder(
            splitting: options.sentences,
            boundaries: try breaker?.boundaries(in: bytes) ?? [],
            byteCount: bytes.count)
        guard let p = bytes.baseAddress else { return builder.finish(original: []) }
        folder.asciiCodes.withUnsafeBufferPointer { ascii in
            var i = 0
            while i < bytes.count {
                let byte = p[i]
                if byte < 0x80 && asciiFastPath {  // one table lookup a byte
                    let code = ascii[Int(byte)]
                    if code < ScalarFolder.whitespaceCode {
                        // A letter or period starts an ASCII run piece, which then grows as far
                        // as it can in one tight loop.
                        builder.content(CollectionOfOne(code), bytes: i..<(i + 1), shape: .asciiRun, isLetter: code < 26)
                        i = builder.extendRun(from: i + 1, in: p, count: bytes.count, codes: ascii)
                        continue
                    }
                    if code == ScalarFolder.whitespaceCode {
                        builder.whitespace(i..<(i + 1))
                    } else {
                        builder.deleted()
                    }
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.scalar(at: i, in: p, count: bytes.count)
                let fold = folder.fold(scalar)
                let range = i..<(i + length)
                switch fold.role {
                case .content: builder.content(fold.tokens, bytes: range, shape: .unit(fold.letterCase), isLetter: fold.tokens[0] < 26)
                case .whitespace: builder.whitespace(range)
                case .mark: builder.mark(range, original: p)
                case .deleted: builder.deleted()
                }
                i += length
            }
        }
        return builder.finish(original: Array(bytes))
    }
}

/// Turns the stream of folded scalars into tokens, sentences and restoration pieces.
///
/// Bytes between two content scalars (letters, periods) are *pending* until the next content
/// scalar decides what they are: in the same sentence, the first whitespace run among them
/// becomes the `[sep]` piece and the rest is kept verbatim; across a sentence boundary they
/// are all verbatim, between `[end]` and the next `[start]`.
struct EncodingBuilder {
    typealias Piece = RestorationRecord.Piece

    let splitting: TextPipeline.SentenceSplitting
    /// ICU's sentence starts (byte offsets), ascending; empty unless splitting is `.icu`.
    let boundaries: [Int]
    let byteCount: Int

    private var indices: [UInt8] = []
    private var pieces: [Piece] = []  // all but the newest
    private var newest: Piece? = nil  // kept apart so that growing an ASCII run is cheap
    private var sentences: [Range<Int>] = []

    private var sentenceStart: Int? = nil  // token index of the open sentence's [start]
    private var pendingStart = 0  // first byte not yet in a piece
    private var lastUnitStart = -1  // byte offset of the last content scalar
    private var gap: Range<Int>? = nil  // the first whitespace run in the pending bytes
    private var lastWasLetter = false  // a following combining mark joins the letter's piece
    private var nextBoundary = 0  // index into `boundaries`
    private var scratch = [UInt8](repeating: 0, count: 4096)  // extendRun's tokens, before appending

    init(splitting: TextPipeline.SentenceSplitting, boundaries: [Int], byteCount: Int) {
        self.splitting = splitting
        self.boundaries = boundaries
        self.byteCount = byteCount
        indices.reserveCapacity(byteCount + 2)
    }

    /// Grows the ASCII run piece just made over the ASCII letters and periods from `start` on, and
    /// over single whitespace bytes between them (one `[sep]` each), as far as no sentence
    /// can begin; returns where it stopped. The tight loop of the fast path.
    mutating func extendRun(from start: Int, in p: UnsafePointer<UInt8>, count: Int, codes: UnsafeBufferPointer<UInt8>) -> Int {
        var limit = count
        if case .icu = splitting {
            while nextBoundary < boundaries.count && boundaries[nextBoundary] < start { nextBoundary += 1 }
            if nextBoundary < boundaries.count { limit = min(limit, boundaries[nextBoundary]) }
        }
        limit = min(limit, start + scratch.count)  // a longer run goes on in a new piece
        let periodsEnd = splitting == .periods
        var last = indices.last!
        var i = start
        // The run's tokens are the table codes of its bytes, one for one (a whitespace byte's
        // code is 27, the [sep] index): mapped into a scratch buffer, then appended at once.
        let length = scratch.withUnsafeMutableBufferPointer { out -> Int in
            while i < limit, p[i] < 0x80 {
                let code = codes[Int(p[i])]
                if code < ScalarFolder.whitespaceCode {
                    if periodsEnd && last == 26 && code != 26 { break }
                    out[i - start] = code
                    last = code
                    i += 1
                } else if code == ScalarFolder.whitespaceCode {
                    // One whitespace byte, then content of the same sentence: [sep] and go on.
                    guard i + 1 < limit, p[i + 1] < 0x80, !(periodsEnd && last == 26) else { break }
                    let next = codes[Int(p[i + 1])]
                    guard next < ScalarFolder.whitespaceCode else { break }
                    out[i - start] = ScalarFolder.whitespaceCode
                    out[i + 1 - start] = next
                    last = next
                    i += 2
                } else {
                    break
                }
            }
            return i - start
        }
        guard length > 0 else { return start }
        indices.append(contentsOf: scratch[..<length])
        newest!.byteEnd = i
        newest!.tokenEnd = indices.count
        pendingStart = i
        lastUnitStart = i - 1
        lastWasLetter = last < 26
        return i
    }

    /// A letter or period scalar (with one or more tokens: "ß" → s s, "…" → . . .).
    mutating func content<C: Collection<UInt8>>(_ tokens: C, bytes range: Range<Int>, shape: RestorationRecord.Shape, isLetter: Bool) {
        if sentenceStart == nil || startsSentence(at: range.lowerBound, first: tokens.first!) {
            if sentenceStart != nil { closeSentence() }
            appendVerbatim(upTo: range.lowerBound)
            sentenceStart = indices.count
            append(token: 28, byteEnd: range.lowerBound)  // [start]
        } else if let gap, shape == .asciiRun, gap.count == 1, gap.upperBound == range.lowerBound {
            // One whitespace byte right before ASCII content: [sep] joins the ASCII run.
            appendVerbatim(upTo: gap.lowerBound)
            indices.append(ScalarFolder.whitespaceCode)
            indices.append(contentsOf: tokens)
            if newest?.shape == .asciiRun && newest!.byteEnd == gap.lowerBound {
                newest!.byteEnd = range.upperBound
                newest!.tokenEnd = indices.count
                pendingStart = range.upperBound
            } else {
                push(Piece(byteEnd: range.upperBound, tokenEnd: indices.count, shape: .asciiRun))
            }
            lastUnitStart = range.lowerBound
            self.gap = nil
            lastWasLetter = isLetter
            return
        } else if let gap {
            appendVerbatim(upTo: gap.lowerBound)
            append(token: 27, byteEnd: gap.upperBound)  // [sep]
            appendVerbatim(upTo: range.lowerBound)
        } else {
            appendVerbatim(upTo: range.lowerBound)
        }
        indices.append(contentsOf: tokens)
        push(Piece(byteEnd: range.upperBound, tokenEnd: indices.count, shape: shape))
        lastUnitStart = range.lowerBound
        gap = nil
        lastWasLetter = isLetter
    }

    mutating func whitespace(_ range: Range<Int>) {
        if gap == nil {
            gap = range
        } else if gap!.upperBound == range.lowerBound {
            gap = gap!.lowerBound..<range.upperBound  // still the first run
        }
        lastWasLetter = false
    }

    /// A combining mark: part of the letter before it, else deleted.
    mutating func mark(_ range: Range<Int>, original: UnsafePointer<UInt8>) {
        guard lastWasLetter, pendingStart == range.lowerBound, var piece = newest else { return deleted() }
        if piece.shape == .asciiRun {
            // Split the run's last letter off into a unit of its own that takes the mark.
            let letter = piece.byteEnd - 1
            let isUpper = original[letter] >= UInt8(ascii: "A") && original[letter] <= UInt8(ascii: "Z")
            let shape = RestorationRecord.Shape.unit(isUpper ? .upper : .lower)
            if letter == (pieces.last?.byteEnd ?? 0) {
                piece.shape = shape
            } else {
                pieces.append(Piece(byteEnd: letter, tokenEnd: piece.tokenEnd - 1, shape: .asciiRun))
                piece.shape = shape
            }
        }
        piece.byteEnd = range.upperBound
        newest = piece
        pendingStart = range.upperBound
    }

    mutating func deleted() {
        lastWasLetter = false
    }

    mutating func finish(original: [UInt8]) -> Encoding {
        if sentenceStart != nil { closeSentence() }
        appendVerbatim(upTo: byteCount)
        if let newest { pieces.append(newest) }
        return Encoding(indices: indices, sentences: sentences,
                        record: RestorationRecord(original: original, indices: indices, pieces: pieces))
    }

    /// Whether content starting at byte `offset` with token `first` opens a new sentence.
    private mutating func startsSentence(at offset: Int, first: UInt8) -> Bool {
        switch splitting {
        case .none:
            return false
        case .periods:
            return indices.last == 26 && first != 26
        case .icu:
            // A boundary after the last content scalar began and at or before this one.
            while nextBoundary < boundaries.count && boundaries[nextBoundary] <= lastUnitStart { nextBoundary += 1 }
            return nextBoundary < boundaries.count && boundaries[nextBoundary] <= offset
        }
    }

    private mutating func closeSentence() {
        append(token: 29, byteEnd: pendingStart)  // [end], right after the last content
        sentences.append(sentenceStart!..<indices.count)
        sentenceStart = nil
    }

    private mutating func append(token: UInt8, byteEnd: Int) {
        indices.append(token)
        push(Piece(byteEnd: byteEnd, tokenEnd: indices.count, shape: .unit(.lower)))
    }

    /// Pending bytes up to `end` that no token stands for.
    private mutating func appendVerbatim(upTo end: Int) {
        guard end > pendingStart else { return }
        push(Piece(byteEnd: end, tokenEnd: indices.count, shape: .unit(.lower)))
    }

    private mutating func push(_ piece: Piece) {
        if let newest { pieces.append(newest) }
        newest = piece
        pendingStart = piece.byteEnd
    }
}
