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
}
