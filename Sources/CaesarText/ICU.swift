import CICU

/// The ICU calls the pipeline makes, through the CICU shim, with Swift types.
///
/// Case mapping and normalization run on one Unicode scalar at a time: the pipeline caches
/// their results per scalar (see ``ScalarFolder``), so none of this is on a hot path.
enum ICU {
    /// ICU's version, for example "72.1".
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        caesar_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The scalar's general category, as ICU numbers it (`CAESAR_CATEGORY_…`).
    static func generalCategory(_ scalar: Unicode.Scalar) -> Int32 {
        caesar_icu_general_category(scalar.value)
    }

    /// Whether the scalar has the Unicode White_Space property (space, tab, NBSP, U+3000, …).
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        caesar_icu_is_white_space(scalar.value) != 0
    }

    /// Full Unicode lowercasing in the root locale ("İ" → "i̇", "ẞ" → "ß").
    static func lowercased(_ text: [UInt16]) throws -> [UInt16] {
        try growing(text, operation: "lowercase text") { source, count, destination, capacity, status in
            caesar_icu_to_lower(source, count, destination, capacity, status)
        }
    }

    /// The compatibility decomposition, NFKD ("é" → "e" + U+0301, "ﬁ" → "fi").
    static func nfkd(_ text: [UInt16]) throws -> [UInt16] {
        try growing(text, operation: "decompose text (NFKD)") { source, count, destination, capacity, status in
            caesar_icu_nfkd(source, count, destination, capacity, status)
        }
    }

    static func name(of status: Int32) -> String {
        String(cString: caesar_icu_error_name(status))
    }

    static func isFailure(_ status: Int32) -> Bool { status > 0 }

    /// Runs an ICU "preflighting" call, growing the output once if ICU asks for more room.
    private static func growing(
        _ source: [UInt16], operation: String,
        _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) throws -> [UInt16] {
        var capacity = max(16, source.count * 4)
        for _ in 0..<2 {
            var status: Int32 = 0
            var output = [UInt16](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { s in
                output.withUnsafeMutableBufferPointer { d in
                    call(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count), &status)
                }
            }
            if status == bufferOverflow {
                capacity = Int(length)
                continue
            }
            guard !isFailure(status) else { throw TextError.icuFailure(operation: operation, status: name(of: status)) }
            return Array(output.prefix(Int(length)))
        }
        throw TextError.icuFailure(operation: operation, status: name(of: bufferOverflow))
    }

    /// U_BUFFER_OVERFLOW_ERROR.
    static let bufferOverflow: Int32 = 15
}

/// One ICU transliterator ("Latin-ASCII"), opened once: opening compiles its rules.
final class Transliterator {
    private let handle: OpaquePointer

    init(_ identifier: String) throws {
        var status: Int32 = 0
        guard let handle = caesar_transliterator_open(identifier, &status), !ICU.isFailure(status) else {
            throw TextError.icuFailure(operation: "open the transliterator '\(identifier)'", status: ICU.name(of: status))
        }
        self.handle = handle
    }

    deinit { caesar_transliterator_close(handle) }

    func apply(_ text: [UInt16]) throws -> [UInt16] {
        var capacity = max(16, text.count * 4)
        for _ in 0..<2 {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                caesar_transliterator_apply(handle, $0.baseAddress, Int32(text.count), Int32($0.count), &status)
            }
            if status == ICU.bufferOverflow {
                capacity = max(Int(length) + 16, capacity * 4)
                continue
            }
            guard !ICU.isFailure(status) else { throw TextError.icuFailure(operation: "transliterate", status: ICU.name(of: status)) }
            return Array(buffer.prefix(Int(length)))
        }
        throw TextError.icuFailure(operation: "transliterate", status: ICU.name(of: ICU.bufferOverflow))
    }
}
