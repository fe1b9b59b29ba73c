import Foundation
import Testing

/// The report rendered in a real browser: Debian's `chromium`, headless.
///
/// The page records in its body's attributes, once loaded, that it rendered, how many script
/// errors it saw, how many SVG pictures it holds and how many resources it fetched; Chromium's
/// `--dump-dom` prints the DOM after the load, so those attributes are read from there. A
/// screenshot of the whole page is saved for a person to look at, and attached to the test.
///
/// Without Chromium the test is skipped, and says so in the test output, never passing as if it
/// had rendered; under CI (`CI=true`) a missing browser is a failure. `.ci/setup --tests` installs it.
@Suite struct ReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Where the screenshot is kept after the run (replaced by the next run).
    static let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-report-browser-test.png").path

    /// Runs Chromium headless on `page` with `flags`, killed (with the processes it started)
    /// after two minutes, so a stuck browser cannot hang the tests.
    static func chromium(_ flags: [String], page: String, profile: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=10", "120", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update",
                             "--user-data-dir=\(profile)"] + flags + [URL(fileURLWithPath: page).absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice  // Chromium's own chatter (D-Bus, GPU) is not the page's
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The attributes of the `<body>` start tag in a DOM dump.
    static func bodyAttributes(_ dom: String) -> [String: String] {
        guard let start = dom.range(of: "<body"), let end = dom[start.upperBound...].firstIndex(of: ">") else { return [:] }
        var attributes: [String: String] = [:]
        for part in dom[start.upperBound..<end].split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { attributes[String(pair[0])] = String(pair[1].dropFirst().dropLast()) }
        }
        return attributes
    }

    @Test(.enabled(if: chromium != nil || inCI, "Debian's chromium is not installed: the report was NOT rendered in a browser (run .ci/setup --tests)"))
    func theReportRendersInHeadlessChromiumWithoutScriptErrors() throws {
        guard Self.chromium != nil else {
            Issue.record("CI must render the report in a browser, but chromium is not installed; .ci/setup --tests installs it")
            return
        }
        let dir = ReportCommandTests.folder(), page = dir + "/report.html"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try CaesarRun(["report", "--model", TinyModels.anyKey, "--out", page])
        try #require(made.status == 0, "\(made.stderr)")

        let dump = try Self.chromium(["--window-size=1280,9000", "--dump-dom"], page: page, profile: dir + "/profile-dom")
        #expect(dump.status == 0)
        let body = Self.bodyAttributes(dump.stdout)
        #expect(body["data-rendered"] == "yes", "the page's load handler did not run: \(body)")
        #expect(body["data-script-errors"] == "0")
        #expect(body["data-svg-count"] == "6")  // the two curves, one-hot, distribution, hidden states, confusion
        #expect(body["data-pairs-side-by-side"] == "yes")  // the curves share the width, not the left half
        #expect(body["data-resources"] == "0")  // it fetched nothing: self-contained
        #expect(dump.stdout.contains("Confusion matrix: 3,584 characters"))

        try? FileManager.default.removeItem(atPath: Self.screenshot)
        let shot = try Self.chromium(["--window-size=1280,9000", "--screenshot=\(Self.screenshot)"], page: page, profile: dir + "/profile-shot")
        #expect(shot.status == 0)
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.screenshot)))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let size = (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) })  // IHDR width, height
        #expect(size == (1280, 9000))
        Attachment.record(png, named: "report.png")
    }
}
