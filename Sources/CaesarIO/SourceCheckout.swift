import Foundation

/// The source checkout this binary was built from: where benchmarks, lessons and reports find
/// their default texts.
public enum SourceCheckout {
    /// The folder holding Package.swift, found by walking up from this source file; nil when
    /// the binary runs without its checkout.
    public static let root: String? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    /// `relative` inside the checkout (or the relative path itself when there is none).
    public static func path(_ relative: String) -> String {
        root.map { $0 + "/" + relative } ?? relative
    }

    /// The project's English story: the default text to measure and to run models on.
    public static let englishText = path("Corpora/en-the-lighthouse-letters.txt")
}
