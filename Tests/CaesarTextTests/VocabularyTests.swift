import Testing

@testable import CaesarText

@Suite struct VocabularyTests {
    @Test func indicesFollowTheReferenceOrder() {
        #expect(Token.all.count == Token.count)
        #expect(Token.all.map(\.description).joined(separator: " ")
            == "a b c d e f g h i j k l m n o p q r s t u v w x y z . [sep] [start] [end] [pad]")
        for (i, token) in Token.all.enumerated() {
            #expect(token.index == i)
            #expect(Token(index: i) == token)
        }
        #expect(Token(index: 31) == nil)
        #expect(Token(index: -1) == nil)
    }

    @Test func shiftingMovesOnlyLetters() {
        #expect(Token.letter(23).shifted(by: 3) == .letter(0))  // x → a
        #expect(Token.letter(0).shifted(by: -1) == .letter(25))
        #expect(Token.letter(4).shifted(by: 26 * 5 + 1) == .letter(5))
        #expect(Token.period.shifted(by: 7) == .period)
        #expect(Token.separator.shifted(by: 7) == .separator)
    }
}
