import Testing

@testable import CaesarLessons

@Suite struct NumberFormatTests {
    @Test func significantDigits() {
        #expect(NumberFormat.significant(0.6043677771171636, digits: 4) == "0.6044")
        #expect(NumberFormat.significant(-0.07697096081014959, digits: 4) == "-0.07697")
        #expect(NumberFormat.significant(4.000000000000001, digits: 4) == "4")
        #expect(NumberFormat.significant(1.5e-7, digits: 4) == "1.5e-07")
        #expect(NumberFormat.significant(-1e-20, digits: 1) == "-1e-20")
        #expect(NumberFormat.significant(-0.0, digits: 4) == "0")
        #expect(NumberFormat.significant([0.5, -0.25], digits: 2) == "(0.5, -0.25)")
    }

    @Test func boundsRoundUp() {
        #expect(NumberFormat.bound(4.2e-11) == "5e-11")
        #expect(NumberFormat.bound(3e-11) == "3e-11")
        #expect(NumberFormat.bound(9.7e-5) == "1e-4")
        #expect(NumberFormat.bound(0) == "0")
    }
}
