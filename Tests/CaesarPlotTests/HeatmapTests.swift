import Testing

@testable import CaesarPlot

@Suite struct HeatmapTests {
    @Test func sequentialLevelsAreTenthsOfTheMaximum() {
        let scale = HeatmapScale.sequential(maximum: 1)
        #expect(scale.levels == 10)
        #expect([0, 0.05, 0.1, 0.25, 0.3, 0.7, 0.9999, 1].map { scale.level(of: $0) } == [0, 0, 1, 2, 3, 7, 9, 9])
        #expect(scale.level(of: -3) == 0 && scale.level(of: 7) == 9)  // beyond the range: the end colours
        #expect(scale.level(of: .nan) == nil && scale.level(of: .infinity) == nil)
        #expect(scale.range(ofLevel: 3) == (0.3, 0.4) && scale.range(ofLevel: 9) == (0.9, 1))
        // Every edge belongs to the level it starts.
        for k in 0..<10 { #expect(scale.level(of: scale.range(ofLevel: k).from) == k) }
        let counts = HeatmapScale.sequential(maximum: 40)
        #expect(counts.level(of: 12) == 3 && counts.range(ofLevel: 3) == (12, 16))
    }

    @Test func divergingLevelsCentreOnAWhiteZero() {
        let scale = HeatmapScale.diverging(limit: 1)
        #expect(scale.levels == 11)
        #expect([-1, -0.9, -0.09, 0, 0.09, 0.5, 1].map { scale.level(of: $0) } == [0, 0, 5, 5, 5, 8, 10])
        let middle = scale.range(ofLevel: 5)
        #expect(abs(middle.from + 1.0 / 11) < 1e-15 && abs(middle.to - 1.0 / 11) < 1e-15)
        for k in 0..<11 { #expect(scale.level(of: scale.range(ofLevel: k).from) == k) }
        #expect(scale.colour(ofLevel: 5) == "#ffffff")
        #expect(scale.colour(ofLevel: 0) == "#08306b" && scale.colour(ofLevel: 10) == "#67000d")
        #expect(scale.colour(ofLevel: 4) == "#ced6e1")  // a fifth of the way to blue: 255 + (8 − 255)/5 = 205.6 → ce, …
    }

    @Test func sequentialColoursRunFromWhiteToDarkBlue() {
        let scale = HeatmapScale.sequential(maximum: 1)
        #expect(scale.colour(ofLevel: 0) == "#ffffff" && scale.colour(ofLevel: 9) == "#08306b")
        #expect(scale.colour(ofLevel: 3) == "#adbace")  // 255 + (8 − 255)·3/9 = 172.67 → ad, …
        #expect(!scale.isDark(level: 0) && scale.isDark(level: 9))
    }

    @Test func cellsAreAddressedRowMajor() {
        let map = Heatmap(title: "t", rowLabels: ["a", "b"], columnLabels: ["x", "y", "z"], values: [1, 2, 3, 4, .nan, 6],
                          scale: .sequential(maximum: 6))
        #expect(map.rows == 2 && map.columns == 3 && map[1, 0] == 4 && map[0, 2] == 3)
        #expect(map.notFiniteCount == 1)
    }
}
