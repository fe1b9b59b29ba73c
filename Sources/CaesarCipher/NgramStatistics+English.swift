import CEnglishNgrams

/// The English statistics that ship inside the binary.
///
/// The file `Sources/CEnglishNgrams/english-ngrams.txt` is compiled into the code (C23
/// `#embed`), not looked up in a resource bundle beside the executable: SwiftPM's
/// `Bundle.module` stops the process with `fatalError` on Linux when that bundle is missing,
/// as it is for a copied binary. How the file was built is written in its header and in
/// `README.md`.
extension NgramStatistics {
    /// The built-in English statistics, parsed once per process.
    public static func english() throws -> NgramStatistics {
        try parsedEnglish.get()
    }

    private static let parsedEnglish = Result {
        let bytes = Array(UnsafeBufferPointer(start: caesar_english_ngrams(), count: caesar_english_ngrams_count()))
        return try NgramStatistics(parsing: bytes, source: "the built-in English statistics")
    }
}
