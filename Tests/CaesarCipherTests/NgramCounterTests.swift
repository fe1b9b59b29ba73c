import CaesarIO
import Foundation
import Testing

@testable import CaesarCipher

@Suite struct NgramCounterTests {
    @Test func countsRunOverTheLetterSequenceSkippingEverythingElse() {
        var counter = NgramCounter()
        counter.add("The cat, THE hat.")  // t h e c a t t h e h a t
        #expect(counter.letterTotal == 12)
        #expect(counter.bigramTotal == 11)
        #expect(counter.quadgramTotal == 9)
        #expect(counter.unigrams[19] == 4)  // t
        #expect(counter.bigrams[19 * 26 + 7] == 2)  // th
        #expect(counter.bigrams[19 * 26 + 19] == 1)  // tt, across "cat, THE"
        #expect(counter.quadgrams[index("heca")] == 1)
        #expect(counter.quadgrams[index("atth")] == 1)  // across "cat, THE"
    }

    @Test func chunksJoinButDocumentsDoNot() {
        var chunked = NgramCounter()
        chunked.add("th")
        chunked.add("en")
        #expect(chunked.quadgramTotal == 1 && chunked.quadgrams[index("then")] == 1)

        var documents = NgramCounter()
        documents.add("th")
        documents.endDocument()
        documents.add("en")
        #expect(documents.quadgramTotal == 0)
        #expect(documents.bigramTotal == 2)  // th, en; not he
    }

    @Test func statisticsPruneOnlyQuadgramsAndKeepTheirTotal() {
        var counter = NgramCounter()
        counter.add("abcdabcdab")  // abcd ×2, bcda ×2, cdab ×2, dabc ×1
        let statistics = counter.statistics(quadgramMinCount: 2, notes: ["test"])
        #expect(statistics.quadgrams.total == 7)
        #expect(statistics.quadgrams.entries == 3)
        #expect(statistics.quadgrams.counts[index("dabc")] == 0)
        #expect(statistics.bigrams.entries == 4)
        #expect(statistics.unigrams.total == 10)
        #expect(statistics.notes == ["test"])
    }

    @Test func aTextInputIsOneDocument() throws {
        var counter = NgramCounter()
        let letters = try counter.add(TextInput(.text("Zoë is here")))
        #expect(letters == 8)
        #expect(counter.quadgramTotal == 5)
    }

    func index(_ gram: String) -> Int {
        gram.utf8.reduce(0) { $0 * 26 + Int($1 - 97) }
    }
}
