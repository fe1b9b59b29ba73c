import Testing

@testable import CaesarNeural

@Suite struct MatrixTests {
    @Test func elementsAreRowMajor() {
        var m = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 0] == 4)
        m[0, 2] = 9
        #expect(m.values == [1, 2, 9, 4, 5, 6])
    }
}
