import Testing

@testable import CaesarLessons

@Suite struct TextWrapTests {
    @Test func proseFillsLinesUpToTheWidth() {
        let text = TextWrap.wrap("the carry is how a step's error reaches earlier steps", indent: "  ", continuation: "   ", width: 30)
        #expect(text == """
              the carry is how a step's
               error reaches earlier steps

            """)
    }

    @Test func formulasAndNumbersAreNotBrokenApart() {
        // "w = 3.574" and "x_t + b" stay whole; "seed 0" keeps its number.
        let text = TextWrap.wrap("a step keeps as much as w = 3.574 with x_t + b from seed 0", width: 20)
        #expect(text == """
            a step keeps as much
            as w = 3.574 with
            x_t + b from seed 0

            """)
    }

    @Test func aWordLongerThanTheLineStandsAlone() {
        #expect(TextWrap.wrap("see '/a/very/long/path/to/a/model.safetensors' here", indent: "  ", width: 20)
            == "  see\n  '/a/very/long/path/to/a/model.safetensors'\n  here\n")
        #expect(TextWrap.wrap("short") == "short\n")
    }

    @Test func aChartsLegendIsWrappedBetweenItsEntries() {
        let chart = "    1┤●\n     └┬\n      ● RNN w = 2   ○ RNN w = 3   ■ LSTM Π f"
        #expect(TextWrap.chart(chart, width: 32) == "    1┤●\n     └┬\n      ● RNN w = 2   ○ RNN w = 3\n      ■ LSTM Π f")
    }
}
