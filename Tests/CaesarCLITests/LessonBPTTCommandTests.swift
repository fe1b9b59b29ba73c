import Foundation
import Testing

/// `caesar lesson bptt` run as a user would: output, JSON, --check and every error path.
@Suite struct LessonBPTTCommandTests {
    @Test func helpScreen() throws {
        let run = try CaesarRun(["lesson", "bptt", "--help"])
        #expect(run.status == 0)
        // The whole screen is a snapshot (HelpSnapshots/caesar-lesson-bptt.txt); here, what the lesson must say.
        #expect(run.stdout.hasPrefix("OVERVIEW: Backpropagation through time for a one-unit RNN, every value shown.\n"))
        #expect(run.stdout.contains("The network: a_t = w·x_t + u·h_{t−1} + b,  h_t = φ(a_t),  ŷ_t = v·h_t + c"))
        #expect(run.stdout.contains("Examples:\n  caesar lesson bptt\n"))
    }

    @Test func theTextbookExercise() throws {
        let run = try CaesarRun(["lesson", "bptt"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.contains("  3  0.6  0.7   0.7174  0.8587  0.6956  0.4478   0.03181\n  L = 0.04658\n"))
        #expect(run.stdout.contains("  ∂L/∂b  ∂L/∂a_t          -0.04694   -0.0501  -0.06509   -0.1621\n"))
        #expect(run.stdout.contains("check: central finite differences (step 1e-5) agree to within"))
    }

    @Test func theLinearExercise() throws {
        let run = try CaesarRun(["lesson", "bptt", "--preset", "linear"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  ∂L/∂W_h  ∂L/∂a_t·h_{t−1}    0    8      8\n"))
        #expect(run.stdout.contains("  1       -2           -4                  4          0        0\n"))
    }

    @Test func negativeNumbersAreValuesNotFlags() throws {
        let spaced = try CaesarRun(["lesson", "bptt", "--w", "-0.5", "--x", "-1,0.5,2", "--json"])
        let joined = try CaesarRun(["lesson", "bptt", "--w=-0.5", "--x=-1,0.5,2", "--json"])
        #expect(spaced.status == 0 && spaced.stdout == joined.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(spaced.stdout.utf8)) as! [String: Any]
        let forward = json["forward"] as! [[String: Any]]
        #expect(forward[0]["a"] as? Double == 0.7)  // −0.5 · −1 + 0.5 · 0 + 0.2
        #expect((json["configuration"] as! [String: Any])["x"] as? [Double] == [-1, 0.5, 2])
    }

    @Test func everyFlagChangesTheExercise() throws {
        let run = try CaesarRun([
            "lesson", "bptt", "--x", "0.5,-1.2,2.0,0.3", "--y", "0.1,0.9,-0.4,0.2", "--w", "-0.7", "--u", "1.3", "--v", "-0.9",
            "--b", "0.05", "--c", "-0.2", "--h0", "0.25", "--lr", "0.05", "--activation", "sigmoid", "--loss", "mean", "--json",
        ])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        // The "sigmoid-mean" golden case (sympy, see GoldenValues.swift in CaesarLessonsTests).
        #expect(abs((json["totalLoss"] as! Double) - 1.220339594824626) < 1e-12)
        let gradient = json["gradient"] as! [String: Double]
        #expect(abs(gradient["u"]! - 0.18506169866999472) < 1e-12)
    }

    @Test func jsonHasEveryPart() throws {
        let run = try CaesarRun(["lesson", "bptt", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["configuration", "forward", "totalLoss", "backward", "dH0", "contributions", "gradient", "updated", "finiteDifferenceCheck"])
        #expect((json["finiteDifferenceCheck"] as! [String: Any])["agrees"] as? Bool == true)
        #expect(abs((json["gradient"] as! [String: Double])["w"]! - -0.12607489437875138) < 1e-15)
    }

    @Test func checkRightAnswersExitZero() throws {
        let run = try CaesarRun(["lesson", "bptt", "--check", "h_1=0.6044", "L=0.04658", "--check", "dL/du=-0.07697"])
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasSuffix("All 3 are right.\n"))
    }

    @Test func checkNamesTheFirstWrongAndExitsOne() throws {
        let run = try CaesarRun(["lesson", "bptt", "--check", "dL/dw=-0.14", "h_3=0.7174"])
        #expect(run.status == 1 && run.stderr.isEmpty)
        #expect(run.stdout.contains("""
            h_3 is wrong: you gave 0.7174, exact 0.6956;
              h_3 = tanh(a_3), a_3 = w·x_3 + u·h_2 + b
              — did you apply the tanh?

            """))
        #expect(run.stdout.hasSuffix("dL/dw depends on h_3: fix h_3 first, it may follow.\n"))
    }

    @Test func checkAsJSON() throws {
        let run = try CaesarRun(["lesson", "bptt", "--preset", "linear", "--check", "dL/dW_h=8", "dL/dh_1=0.5", "--json"])
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((json["firstWrong"] as! [String: Any])["name"] as? String == "dL/dh_1")
        #expect((json["verdicts"] as! [[String: Any]]).count == 2)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bptt-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CaesarRun(["lesson", "bptt", "--output", path])
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Scalar RNN, 3 steps"))
    }

    @Test func flagErrorsAreOneLineWithExit64() throws {
        let hint = "; hint: see 'caesar lesson bptt --help'"
        try CaesarRun.expectError(["lesson", "bptt", "--x", "1,2"], status: 64, "--x has 2 numbers but --y has 3; give one target per input" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--w", "nan"], status: 64,
                        "The value 'nan' is invalid for '--w <number>': not a finite number (NaN and infinities cannot be computed with)" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--u", "-inf"], status: 64,
                        "The value '-inf' is invalid for '--u <number>': not a finite number (NaN and infinities cannot be computed with)" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--v", "0.5x"], status: 64,
                        "The value '0.5x' is invalid for '--v <number>': not a number (write it like 0.5, -0.25 or 1e-3)" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--x", "1,,2", "--y", "1,2,3"], status: 64,
                        "The value '1,,2' is invalid for '--x <list>': item 2 is empty (separate numbers with single commas)" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--digits", "0"], status: 64,
                        "The value '0' is invalid for '--digits <n>': --digits must be between 1 and 17" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--digits", "four"], status: 64,
                        "The value 'four' is invalid for '--digits <n>': --digits must be a whole number" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--activation", "softplus"], status: 64,
                        "The value 'softplus' is invalid for '--activation <name>'. Please provide one of 'tanh', 'sigmoid', 'relu' or 'identity'" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--loss", "l1"], status: 64,
                        "The value 'l1' is invalid for '--loss <form>'. Please provide one of 'half-sum', 'sum', 'half-mean' or 'mean'" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--preset", "hard"], status: 64,
                        "The value 'hard' is invalid for '--preset <preset>'. Please provide one of 'textbook' and 'linear'" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--w"], status: 64, "Missing value for '--w <number>'" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--check", "h3"], status: 64,
                        "The value 'h3' is invalid for '--check <name=value>': not name=value (write an answer like h_3=0.6956)" + hint)
        try CaesarRun.expectError(["lesson", "bptt", "--check", "h_3=nan"], status: 64,
                        "The value 'h_3=nan' is invalid for '--check <name=value>': the value of h_3 is not a finite number (NaN and infinities cannot be computed with)" + hint)
    }

    @Test func lessonErrorsAreOneLineWithExit1() throws {
        try CaesarRun.expectError(["lesson", "bptt", "--preset", "linear", "--w", "1e308"], status: 1,
                        "a_1 came out as inf, beyond what a Double holds; hint: use smaller weights or inputs, or fewer steps")
        try CaesarRun.expectError(["lesson", "bptt", "--check", "h_3=0.7", "h3=0.7"], status: 1, "h_3 is given twice; hint: give each quantity once")
        try CaesarRun.expectError(["lesson", "bptt", "--preset", "linear", "--check", "dL/db=1"], status: 1,
                        "the lesson has no quantity named 'dL/db'; hint: the names are a_1…a_2, h_1…h_2, yhat_1…yhat_2, L_1…L_2, L, "
                            + "dL/dyhat_1…dL/dyhat_2, dL/dh_0…dL/dh_2, dL/da_1…dL/da_2, dL/dW_y, dL/dW_x, dL/dW_h, W_y_new, W_x_new, W_h_new")
        try CaesarRun.expectError(["lesson", "bptt", "--output", "/nonexistent-folder/out.txt"], status: 1,
                        "cannot write '/nonexistent-folder/out.txt': No such file or directory; hint: check the folder exists, is writable and has space")
    }
}
