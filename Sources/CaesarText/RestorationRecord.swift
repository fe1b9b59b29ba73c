/// What encoding threw away, kept so that the tokens can be turned back into the exact input.
///
/// The record cuts the input into pieces, in order, each tied to the tokens it produced:
///
///     "Où, 3 fois?"
///     →  [start] | "O" o | "ù" u | "," | " " [sep] | "3 " | "fois" f o i s | [end] | "?"
///
/// (A run of ASCII letters, periods and single spaces, "fois", is one piece in which every
/// byte is its own unit.)
///
/// ``restore(indices:)`` walks the pieces. A piece whose tokens are the ones encoding made
/// gives back its original bytes: case, accents, ligatures, exact whitespace. A piece
/// whose tokens changed gives the new tokens as text: letters in the original's case
/// (an uppercase original gives an uppercase letter), `.` as ".", `[sep]` as " ", and
/// nothing for `[start]`, `[end]` and `[pad]`. Pieces without tokens (punctuation, digits,
/// symbols, emoji, whitespace at sentence edges) always come back as they were.
///
///     let encoding = try pipeline.encode("Où, 3 fois?")
///     encoding.record.restore(indices: encoding.indices)  // "Où, 3 fois?"
///     let x = Token.letter(23), y = Token.letter(24)
///     encoding.record.restore([.start, x, y, .separator, .letter(25), .letter(0), .letter(1), .letter(2), .end])
///     // "Xy, 3 zabc?": new letters, the original case, punctuation, digits and spaces
///
/// A letter that folded to several tokens ("ß" → s s, "Æ" → a e) is one piece: it comes back
/// as "ß" only if both tokens are unchanged; otherwise the new letters are written plainly
/// ("ß" with new tokens x y → "xy", "Æ" → "XY"). An accent never moves to a new letter:
/// "é" with a new token b restores as "b", and combining marks written after a letter belong
/// to its piece, so "e\u{301}" behaves exactly like "é".
public struct RestorationRecord: Sendable {
    /// The input, byte for byte.
    let original: [UInt8]
    /// The token indices encoding produced, to see which pieces changed.
    let indices: [UInt8]
    /// Pieces tiling both the input bytes and the tokens, in order.
    let pieces: [Piece]

    /// A run of input bytes and the tokens it produced; each starts where the previous ended.
    /// Offsets are stored in 32 bits (12 bytes a piece): `encode` takes less than 2 GiB, and
    /// makes at most two tokens a byte.
    struct Piece: Sendable, Equatable {
        private var storedByteEnd: UInt32
        private var storedTokenEnd: UInt32
        var shape: Shape

        init(byteEnd: Int, tokenEnd: Int, shape: Shape) {
            storedByteEnd = UInt32(byteEnd)
            storedTokenEnd = UInt32(tokenEnd)
            self.shape = shape
        }

        var byteEnd: Int {
            get { Int(storedByteEnd) }
            set { storedByteEnd = UInt32(newValue) }
        }

        var tokenEnd: Int {
            get { Int(storedTokenEnd) }
            set { storedTokenEnd = UInt32(newValue) }
        }
    }

    enum Shape: Sendable, Equatable {
        /// ASCII letters, periods and single whitespace bytes, one byte per token (a
        /// whitespace byte is a `[sep]`): each byte is its own unit, and the case of a changed
        /// letter is the case of its byte. (One piece for "Hello world" instead of eleven
        /// keeps the record small and restoring fast.)
        case asciiRun
        /// One unit: it comes back whole when its tokens are unchanged, and as new letters in
        /// `letterCase` when they changed. Verbatim bytes are units without tokens.
        case unit(LetterCase)
    }

    /// How many tokens a sequence given to ``restore(indices:)`` must have.
    public var tokenCount: Int { indices.count }

    /// The input with the given tokens in place of the encoded ones (see the type's summary).
    ///
    /// - Precondition: `indices` has ``tokenCount`` elements, each below ``Token/count``.
    public func restore(indices new: [UInt8]) -> String {
        precondition(new.count == indices.count, "restore needs \(indices.count) tokens, the count encoding produced; got \(new.count)")
        // A piece writes its own bytes, or at most one byte a token.
        return String(unsafeUninitializedCapacity: original.count + indices.count) { output in
            var count = 0
            original.withUnsafeBufferPointer { bytes in
                indices.withUnsafeBufferPointer { old in
                    new.withUnsafeBufferPointer { new in
                        var byteStart = 0
                        var tokenStart = 0
                        for piece in pieces {
                            let tokens = tokenStart..<piece.tokenEnd
                            if tokens.allSatisfy({ new[$0] == old[$0] }) {
                                let length = piece.byteEnd - byteStart
                                (output.baseAddress! + count).update(from: bytes.baseAddress! + byteStart, count: length)
                                count += length
                            } else {
                                for (k, t) in tokens.enumerated() {
                                    let upper: Bool
                                    switch piece.shape {
                                    case .unit(let letterCase):
                                        upper = letterCase == .upper || (letterCase == .title && k == 0)
                                    case .asciiRun:
                                        let byte = bytes[byteStart + k]  // each byte its own unit
                                        if new[t] == old[t] {
                                            output[count] = byte
                                            count += 1
                                            continue
                                        }
                                        upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                                    }
                                    if let character = Self.character(of: new[t], upper: upper) {
                                        output[count] = character
                                        count += 1
                                    }
                                }
                            }
                            byteStart = piece.byteEnd
                            tokenStart = piece.tokenEnd
                        }
                    }
                }
            }
            return count
        }
    }

    /// For each token, whether a Caesar cipher applied to the input moved it: a letter token
    /// that an ASCII letter of the input produced. The cipher shifts only `A`–`Z` and `a`–`z`,
    /// so a letter folded from anything else (`é` → e, `ß` → s s, `ﬁ` → f i) is plaintext
    /// even inside a ciphertext, and a cracker must leave it where it is. (A letter followed
    /// by combining accents, `e` + U+0301, is an ASCII letter to the cipher: it moves.)
    ///
    ///     let encoding = try pipeline.encode("Où été")
    ///     encoding.record.shiftedByCipher   // [false, true, false, false, false, true, false, false]
    ///                                       //  [start]  o    u    [sep]   e     t     e   [end]
    public var shiftedByCipher: [Bool] {
        var mask = [Bool](repeating: false, count: indices.count)
        var byteStart = 0
        var tokenStart = 0
        for piece in pieces {
            switch piece.shape {
            case .asciiRun:
                for t in tokenStart..<piece.tokenEnd where indices[t] < 26 { mask[t] = true }
            case .unit:
                if tokenStart < piece.tokenEnd, indices[tokenStart] < 26, byteStart < piece.byteEnd,
                   (original[byteStart] | 0x20) >= UInt8(ascii: "a"), (original[byteStart] | 0x20) <= UInt8(ascii: "z") {
                    mask[tokenStart] = true
                }
            }
            byteStart = piece.byteEnd
            tokenStart = piece.tokenEnd
        }
        return mask
    }

    /// The input with the given tokens in place of the encoded ones.
    public func restore(_ tokens: [Token]) -> String {
        restore(indices: tokens.map { UInt8($0.index) })
    }

    /// A changed token as text: a letter (in upper case if `upper`), ".", a space for `[sep]`;
    /// nil for `[start]`, `[end]` and `[pad]`.
    static func character(of index: UInt8, upper: Bool) -> UInt8? {
        precondition(index < Token.count, "token index \(index) is outside the vocabulary 0..<\(Token.count)")
        switch index {
        case 0..<26: return (upper ? UInt8(ascii: "A") : UInt8(ascii: "a")) + index
        case 26: return UInt8(ascii: ".")
        case 27: return UInt8(ascii: " ")
        default: return nil
        }
    }
}
