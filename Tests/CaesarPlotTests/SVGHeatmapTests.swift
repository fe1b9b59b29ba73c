import Foundation
import Testing

@testable import CaesarPlot

@Suite struct SVGHeatmapTests {
    let map = Heatmap(
        title: "p & <q>", rowLabels: ["h", "", "[end]"], columnLabels: ["a", "b"], rowAxisLabel: "step", columnAxisLabel: "token",
        values: [0.05, 0.95,
                 0.5, 0.5,
                 .nan, 0.25],
        scale: .sequential(maximum: 1), marked: [HeatmapCell(row: 0, column: 1)],
        cellText: ["", "19", "", "", "", "2"], cellTitles: ["p(a) = 0.05", "p(b) = 0.95", "", "", "", ""])

    @Test func isWellFormedXMLWithEveryPart() throws {
        let svg = SVGHeatmap(cellWidth: 20, cellHeight: 10).render(map)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        let names = try elements(of: svg)
        #expect(names.first == "svg")
        #expect(svg.contains("<title>p &amp; &lt;q&gt;</title>"))
        #expect(svg.contains(">[end]</text>") && !svg.contains(">\"\"</text>"))
        #expect(names.filter { $0 == "title" }.count == 3)  // the document's and two cells'
    }

    @Test func eachColourLevelIsOnePathOfItsCells() throws {
        let svg = SVGHeatmap(cellWidth: 20, cellHeight: 10).render(map)
        let scale = map.scale
        // 0.05 → level 0, 0.95 → 9, 0.5 twice → 5, 0.25 → 2; NaN is grey.
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path fill=") }
        #expect(paths.count == 5)
        let level5 = paths.first { $0.contains(scale.colour(ofLevel: 5)) }!
        #expect(level5.components(separatedBy: "z").count - 1 == 2)
        #expect(paths.contains { $0.hasPrefix("<path fill=\"#bdbdbd\"") })
        #expect(svg.contains(">not finite (1)</text>"))
        #expect(svg.contains(">0.90 to 1.00</text>") && svg.contains(">0.00 to 0.10</text>"))
    }

    @Test func marksTextsAndTitlesSitOnTheirCells() throws {
        let svg = SVGHeatmap(cellWidth: 20, cellHeight: 10).render(map)
        // Row labels take 5 characters, the row axis label 20 pixels: the grid starts at x = 8 + 20 + 35 + 6 = 69.
        #expect(svg.contains("<rect x=\"69\" y=\"") && svg.contains("width=\"40\" height=\"30\" fill=\"none\" stroke=\"#999\""))
        // The title, the column axis label and one character of column labels: the grid starts at y = 34 + 18 + 7 + 6 = 65.
        #expect(svg.contains("<rect x=\"90\" y=\"66\" width=\"18\" height=\"8\"/>"))  // the marked cell (0, 1), inset by 1
        #expect(svg.contains(" fill=\"white\">19</text>"))  // dark cell, white text
        #expect(svg.contains(">2</text>") && !svg.contains("fill=\"white\">2</text>"))
        #expect(svg.contains("<title>p(b) = 0.95</title>"))
        // One-character column labels stand upright over their cell's centre; longer ones turn.
        #expect(svg.contains("<text x=\"79\" y=\"61\" text-anchor=\"middle\">a</text>"))
        let long = Heatmap(title: "t", rowLabels: ["r"], columnLabels: ["[sep]"], values: [1], scale: .sequential(maximum: 1))
        #expect(SVGHeatmap(cellWidth: 20, cellHeight: 10).render(long).contains(" rotate(-90)\">[sep]</text>"))
    }
}
