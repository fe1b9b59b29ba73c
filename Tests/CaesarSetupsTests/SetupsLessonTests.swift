import CaesarRandom
import Foundation
import Testing
import CaesarTestSupport

@testable import CaesarSetups

@Suite struct SetupsLessonTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/en-the-lighthouse-letters.txt").path

    /// A lesson small enough for a debug build.
    static func configuration(models: String? = nil) -> SetupsLesson.Configuration {
        var c = SetupsLesson.Configuration(corpus: [corpus])
        c.models = models
        c.steps = 6
        c.hidden = 4
        c.messageLength = 6
        c.lengths = [2, 6]
        c.messages = 5
        return c
    }

    static func folder() -> String {
        ScratchFolder.scratchPath("setups-lesson")
    }
}

extension SetupsLessonTests {
    /// Every table has its rows and a value per model (and the quadgram scorer for keys);
    /// the same seed gives the same lesson; models kept in a folder are loaded the next time.
    @Test func theLessonMeasuresEverySetupAndReproduces() throws {
        let folder = Self.folder()
        var heard: [String] = []
        let first = try SetupsLesson(Self.configuration(models: folder)) { heard.append($0) }
        #expect(first.models.map(\.role) == SetupsLesson.Role.allCases)
        // H = 4, G = 16: a direction has 16·31 + 16·4 + 2·16 = 592; the decoder (D = 8, G = 32) 32·31 + 32·8 + 2·32 = 1312
        #expect(first.models.map(\.parameters) == [2 * 592 + 26 * 8 + 26, 592 + 31 * 4 + 31, 2 * 592 + 31 * 8 + 31, 2 * 592 + 1312 + 31 * 8 + 31])
        #expect(heard.filter { $0.contains(": step 6/6 (100%), validation ") }.count == 4)
        #expect(heard.filter { $0.contains(" ready: ") }.count == 4 && heard.first == "model 1 of 4, many-to-one: training 6 steps")
        #expect(first.byPosition.map(\.label) == Array(1...6) && first.byPosition.allSatisfy { $0.values.count == 4 })
        #expect(first.charactersByLength.map(\.label) == [2, 6] && first.charactersByLength.allSatisfy { $0.values.count == 4 })
        #expect(first.keysByLength.allSatisfy { $0.values.count == 5 })
        #expect((first.byPosition + first.charactersByLength + first.keysByLength).allSatisfy { $0.values.allSatisfy { (0...1).contains($0) } })
        #expect(first.examples.map(\.ciphertext.count) == [4, 6] && first.examples.allSatisfy { $0.outputs.count == 4 })
        // The classifier rotates: its output is the ciphertext turned back by the key it chose.
        let rotation = first.examples[0].outputs[0]
        #expect(rotation.role == .manyToOne && rotation.text.count == first.examples[0].ciphertext.count)

        heard = []
        let second = try SetupsLesson(Self.configuration(models: folder)) { heard.append($0) }
        #expect(heard.count == 4 && heard.allSatisfy { $0.contains(": loaded \(folder)/") })
        #expect(second.text() == first.text())
        let fresh = try SetupsLesson(Self.configuration())
        #expect(fresh.text() == first.text())
    }

    @Test func theTextShowsEveryTable() throws {
        let text = try SetupsLesson(Self.configuration()).text()
        for heading in ["The networks", "What each outputs", "Characters right by position in the message (5 messages of 6 characters)",
                        "Characters right by message length", "Keys right by message length"] {
            #expect(text.contains("\n" + heading), "\(heading)")
        }
        #expect(text.contains("  many-to-many, uni  reads left to right; writes a character per character"))
        #expect(!text.contains(" \n"))
    }

    /// A file in the folder that is not the setup its name says is refused, with a hint.
    @Test func aModelOfAnotherSetupIsRefused() throws {
        let folder = Self.folder()
        _ = try SetupsLesson(Self.configuration(models: folder))
        let fm = FileManager.default
        try fm.removeItem(atPath: folder + "/many-to-one.safetensors")
        try fm.copyItem(atPath: folder + "/many-to-many-bi.safetensors", toPath: folder + "/many-to-one.safetensors")
        #expect(throws: SetupsLessonError.wrongModel(path: folder + "/many-to-one.safetensors", expected: "many-to-one",
                                                     found: "lstm 4 bidirectional (31 → 31)")) {
            _ = try SetupsLesson(Self.configuration(models: folder))
        }
        #expect("\(SetupsLessonError.wrongModel(path: "p", expected: "e", found: "f"))".contains("; hint: delete it"))
    }

    @Test func messagesNeedAHeldOutLetter() {
        var random = SeededGenerator(seed: 1)
        #expect(throws: SetupsLessonError.heldOutTooShort(letters: 3, needed: 4)) { try Message(from: [0, 1, 2], length: 4, random: &random) }
        #expect(throws: SetupsLessonError.self) { try Message(from: [26, 27, 26, 27], length: 2, random: &random) }
        let message = try! Message(from: [26, 27, 0, 27], length: 2, random: &random)
        #expect(message.plaintext.contains(0) && message.ciphertext.map { $0 < 26 ? (Int($0) - message.key + 26) % 26 : Int($0) } == message.plaintext.map(Int.init))
    }
}
