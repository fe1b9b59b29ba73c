import Testing

@testable import CaesarLessons

@Suite struct TextTableTests {
    @Test func numbersAlignRightTextLeft() {
        var table = TextTable(header: ["name", "value"])
        table.append(["h_1", "0.6044"])
        table.append(["L", "-12"])
        #expect(table.render() == """
              name  value
              ----  ------
              h_1   0.6044
              L        -12

            """)
    }

    @Test func aTableThatFitsIsRenderedWhole() {
        var table = TextTable(header: ["t", "h_t"])
        table.append(["1", "0.6044"])
        #expect(table.render(fitting: 80) == table.render())
    }

    @Test func aWideTableContinuesBelowLedByItsKeyColumns() {
        var table = TextTable(header: ["t", "term", "a", "b", "c"])
        table.append(["1", "x·y", "1000000", "2000000", "3000000"])
        table.append(["2", "x", "-1", "-2", "-3"])
        // 2 + 1 + 2 + 4 + 3 × (2 + 7) = 36 columns whole; 30 fit two value columns.
        #expect(table.render(fitting: 30, keys: 2) == """
              t  term  a        b
              -  ----  -------  -------
              1  x·y   1000000  2000000
              2  x          -1       -2

              t  term  c
              -  ----  -------
              1  x·y   3000000
              2  x          -3

            """)
        #expect(table.render(fitting: 30, keys: 2).split(separator: "\n").allSatisfy { $0.count <= 30 })
    }
}
