import Testing

@testable import CaesarText

@Suite struct TokenMatrixTests {
    @Test func oneHotHasOneOneARowAtTheTokenIndex() {
        let matrix = TokenMatrix.oneHot([28, 7, 8, 29])
        #expect(matrix.rows == 4)
        #expect(matrix.columns == 31)
        #expect(matrix.values.count == 4 * 31)
        #expect(matrix.values.reduce(0, +) == 4)
        for (t, index) in [28, 7, 8, 29].enumerated() {
            #expect(matrix[t, index] == 1)
            #expect(matrix.row(t).reduce(0, +) == 1)
        }
        #expect(matrix[1, 6] == 0)
    }

    @Test func emptyIndicesGiveAnEmptyMatrix() {
        let matrix = TokenMatrix.oneHot([])
        #expect(matrix.rows == 0)
        #expect(matrix.columns == 31)
        #expect(matrix.values.isEmpty)
    }

    @Test func valuesAreRowMajor() {
        let matrix = TokenMatrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(matrix[0, 2] == 3)
        #expect(matrix[1, 0] == 4)
        #expect(Array(matrix.row(1)) == [4, 5, 6])
    }
}
