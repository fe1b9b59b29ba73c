import Testing

@testable import CaesarLessons

@Suite struct ScalarRNNLessonTextTests {
    @Test func theTextbookForwardTable() throws {
        let text = try ScalarRNNLesson(.textbook).text(digits: 4)
        #expect(text.contains("""
            Forward
              t  x_t  y_t  h_{t−1}  a_t     h_t     ŷ_t     L_t
              -  ---  ---  -------  ------  ------  ------  --------
              1    1  0.5        0     0.7  0.6044  0.4022  0.004784
              2  0.8  0.6   0.6044  0.9022  0.7174  0.4587  0.009986
              3  0.6  0.7   0.7174  0.8587  0.6956  0.4478   0.03181
              L = 0.04658
            """))
    }

    @Test func theBackwardTableShowsTheCarrySeparately() throws {
        let text = try ScalarRNNLesson(.linear).text(digits: 4)
        #expect(text.contains("""
              t  ∂L/∂ŷ_t  W_y·∂L/∂ŷ_t  + W_h·∂L/∂a_{t+1}  = ∂L/∂h_t  ∂L/∂a_t
              -  -------  -----------  -----------------  ---------  -------
              2        2            4                  0          4        4
              1       -2           -4                  4          0        0
            """))
        #expect(text.contains("a_t = W_x·x_t + W_h·h_{t−1}    h_t = a_t    ŷ_t = W_y·h_t\n  L = Σ_t (ŷ_t − y_t)²\n"))
    }

    @Test func gradientsPerStepAndTheSGDStep() throws {
        let text = try ScalarRNNLesson(.textbook).text(digits: 4)
        #expect(text.contains("  ∂L/∂u  ∂L/∂a_t·h_{t−1}         0  -0.03028  -0.04669  -0.07697\n"))
        #expect(text.contains("  w     0.5   -0.1261  0.5126\n"))
        #expect(text.contains("  check: central finite differences (step 1e-5) agree to within "))
    }

    @Test func digitsChangeTheRounding() throws {
        let text = try ScalarRNNLesson(.textbook).text(digits: 8)
        #expect(text.contains("L = 0.046575037\n"))
    }
}
