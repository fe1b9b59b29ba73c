import Testing

@testable import CaesarPlot

@Suite struct XMLTextTests {
    @Test func markupAndControlCharactersAreEscaped() {
        #expect(XMLText.escaped("a < b & \"c\" 'd' > e") == "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e")
        #expect(XMLText.escaped("x\u{1}y\nz\tw") == "x y z w")
        #expect(XMLText.escaped("x\u{1}y\nz\tw", keepingLineBreaks: true) == "x y\nz\tw")
        #expect(XMLText.escaped("Œuvre ∂h 👍🏽") == "Œuvre ∂h 👍🏽")
    }
}
