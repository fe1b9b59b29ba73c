import Testing

/// The tutorial in the top-level README: its commands that need no trained model stand in
/// ```console blocks and are run again here, and must print exactly what is shown, except the
/// gradient check's rounding errors (see ``withoutRounding(_:)``). (Those
/// that read the models it trains stand in ```text blocks: their numbers depend on the
/// machine that trained them, and training them takes minutes in a debug build.)
@Suite struct TutorialTests {
    static let examples = ConsoleExample.all(in: "README.md", section: "Tutorial")

    @Test func everyCommandWithoutAModelIsChecked() {
        #expect(Self.examples.map { $0.arguments.first ?? "" } == ["encrypt", "tokenize", "gradcheck", "gradcheck"])
        #expect(Self.examples[0].arguments == ["encrypt", "--key", "3", "The sea is not as deep as you think."])
    }

    @Test(arguments: examples)
    func exampleOutputIsWhatTheCommandPrints(_ example: ConsoleExample) throws {
        let run = try CaesarRun(example.arguments)
        #expect(run.stderr.isEmpty && run.status == 0)
        if example.arguments.first == "gradcheck" {
            #expect(Self.withoutRounding(run.stdout) == Self.withoutRounding(example.output))
            #expect(Self.roundingErrors(run.stdout).allSatisfy { $0 < 1e-6 } && !Self.roundingErrors(run.stdout).isEmpty)
        } else {
            #expect(run.stdout == example.output)
        }
    }

    /// A gradient check's error columns are the rounding of Double, about 1e-12 absolutely: their
    /// digits depend on the order in which BLAS sums, which differs between CPUs (the README
    /// says so under the examples). Everything else the check prints is exact. So the error
    /// columns, and the name of the tensor with the largest error, are compared by their
    /// verdict: each one below the threshold.
    static func withoutRounding(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasSuffix("  pass") || line.hasSuffix("  FAIL") {  // a tensor's row, its words without the errors
                let words = line.split(separator: " ").map(String.init)
                return (words.dropLast(3) + ["·", "·", words.last!]).joined(separator: " ")
            }
            if line.hasPrefix("  largest error ") { return "  largest error …" }  // its size, and the tensor that has it
            return String(line)
        }.joined(separator: "\n")
    }

    /// The relative errors a gradient check printed, one per tensor.
    static func roundingErrors(_ output: String) -> [Double] {
        output.split(separator: "\n").filter { $0.hasSuffix("  pass") || $0.hasSuffix("  FAIL") }.compactMap { line in
            line.split(separator: " ").dropLast().dropLast().last.flatMap { Double($0) }
        }
    }
}
