import Foundation
import Testing

/// `caesar lesson lstm` run as a user would.
@Suite struct LessonLSTMCommandTests {
    let hint = "; hint: see 'caesar lesson lstm --help'"

    func expectError(_ arguments: [String], _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try CaesarRun.expectError(["lesson", "lstm"] + arguments, status: 64, line + hint, sourceLocation: sourceLocation)
    }

    @Test func helpNamesEveryFlag() throws {
        let run = try CaesarRun(["lesson", "lstm", "--help"])
        #expect(run.status == 0)
        for flag in ["--input-size <D>", "--hidden-size <H>", "--x <list>", "--y <list>", "--h0 <list>", "--c0 <list>",
                     "--wi <list>", "--ui <list>", "--bi <list>", "--seed <n>", "--loss <form>", "--digits <n>", "--json"] {
            #expect(run.stdout.contains(flag), "\(flag)")
        }
        #expect(run.stdout.contains("c_t = f_t⊙c_{t−1} + i_t⊙g_t"))
    }

    @Test func theScalarCell() throws {
        let run = try CaesarRun(["lesson", "lstm"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.contains("  L = 0.08905\n"))
        #expect(run.stdout.contains("  ∂L/∂h_0 = -0.05286\n"))
        #expect(run.stdout.contains("  ∂L/∂c_0 = f_1·∂L/∂c_1 = -0.275\n"))
    }

    @Test func vectorsWithGivenAndSeededWeights() throws {
        let arguments = ["lesson", "lstm", "--input-size", "2", "--hidden-size", "2", "--x", "1,0,0,1,1,1", "--y", "0.5,0.1,0.2,0.3,0.4,0.6",
                         "--wf", "-0.5,0.3,0.7,0.2", "--bf", "1,0.5", "--json"]
        let run = try CaesarRun(arguments)
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let f = ((json["configuration"] as! [String: Any])["parameters"] as! [String: Any])["f"] as! [String: Any]
        #expect(f["w"] as? [[Double]] == [[-0.5, 0.3], [0.7, 0.2]] && f["b"] as? [Double] == [1, 0.5])
        #expect(try CaesarRun(arguments).stdout == run.stdout)  // the seeded weights repeat
        #expect(try CaesarRun(arguments + ["--seed", "1"]).stdout != run.stdout)
        #expect((json["finiteDifferenceCheck"] as! [String: Any])["agrees"] as? Bool == true)
    }

    @Test func negativeValuesAndJSONKeys() throws {
        let run = try CaesarRun(["lesson", "lstm", "--wi", "-1.2", "--h0", "-0.5", "--x", "-1,2,-3", "--json"])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["configuration", "forward", "totalLoss", "backward", "dH0", "dC0", "gradient", "cellPath", "finiteDifferenceCheck"])
        let step = (json["backward"] as! [[String: Any]])[0]
        #expect(Set(step.keys) == ["t", "dHFromLoss", "dHFromNext", "dH", "dCFromH", "dCFromNext", "dC", "dGates", "dPreactivations"])
    }

    @Test func everyErrorIsOneLine() throws {
        try expectError(["--input-size", "2"], "--x has 3 numbers, not a whole number of steps of D = 2")
        try expectError(["--hidden-size", "2"], "--y has 3 numbers; 3 steps × H = 2 need 6")
        try expectError(["--wi", "1,2"], "--wi has 2 numbers; W_i is H×D = 1×1 and needs 1")
        try expectError(["--hidden-size", "2", "--y", "1,2,3,4,5,6", "--uo", "1,2,3"], "--uo has 3 numbers; U_o is H×H = 2×2 and needs 4")
        try expectError(["--bg", "1,2"], "--bg has 2 numbers; b_g is H = 1 and needs 1")
        try expectError(["--c0", "1,2"], "--c0 has 2 numbers; H = 1 needs 1")
        try expectError(["--hidden-size", "9"], "The value '9' is invalid for '--hidden-size <H>': --hidden-size must be between 1 and 8")
        try expectError(["--wf", "inf"], "The value 'inf' is invalid for '--wf <list>': not a finite number (NaN and infinities cannot be computed with)")
        try expectError(["--seed", "x"], "The value 'x' is invalid for '--seed <n>'")
    }

    @Test func overflowIsALessonError() throws {
        // Gates saturate, so only ∞ − ∞ inside a sum can break the cell.
        let run = try CaesarRun(["lesson", "lstm", "--input-size", "2", "--x", "1e308,1e308", "--y", "0.5", "--wi", "1e308,-1e308"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "caesar: error: c_1 came out as NaN, after an overflow (∞ − ∞ or 0·∞); hint: use smaller weights or inputs, or fewer steps\n")
    }
}
