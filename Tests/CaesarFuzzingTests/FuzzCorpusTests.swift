import CaesarFuzzing
import Foundation
import Testing

/// Every seed the fuzzers start from, and every input they once found a fault with, run
/// through its target on every build: a target returns (an input refused is returned from) and
/// never traps. An input in `Fuzz/regressions/TARGET/` is a crash, hang or runaway allocation
/// that was fixed; this keeps it fixed.
struct FuzzCorpusTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ folder: String, _ target: FuzzTarget) -> [URL] {
        let url = fuzz.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsRunThroughTheirTarget(_ target: FuzzTarget) throws {
        let seeds = Self.inputs("corpus", target)
        #expect(!seeds.isEmpty, "Fuzz/corpus/\(target.rawValue) holds the fuzzer's seeds")
        for url in seeds { target.run(Array(try Data(contentsOf: url))) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func fixedFindingsStayFixed(_ target: FuzzTarget) throws {
        for url in Self.inputs("regressions", target) {
            let start = ContinuousClock.now
            target.run(Array(try Data(contentsOf: url)))
            // Generous (a debug build, a busy machine): the hangs these once were took minutes.
            #expect(ContinuousClock.now - start < .seconds(20), "\(url.lastPathComponent) ran for too long")
        }
    }
}
