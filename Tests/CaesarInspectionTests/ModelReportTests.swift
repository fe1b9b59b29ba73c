import CaesarInspection
import CaesarTraining
import Foundation
import Testing

/// The model report made from Swift, as `caesar report` makes it (issue #16): a model and a
/// corpus in, the figures and the page out, without launching the binary.
@Suite struct ModelReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let modelPath = root + "/Models/rnn-key3.safetensors"

    static func corpus() throws -> ModelReport.Corpus {
        let path = root + "/Corpora/en-the-lighthouse-letters.txt"
        return ModelReport.Corpus(tokens: try TrainingCorpus.read([path], lossy: false).tokens, name: "Corpora/en-the-lighthouse-letters.txt")
    }

    @Test func theShippedKey3ModelIsReportedWithItsOwnKey() throws {
        let model = try TrainedModel.load(from: Self.modelPath)
        let report = try ModelReport(path: Self.modelPath, model: model, corpus: try Self.corpus(), windows: 8)
        #expect(report.sample.key == 3 && report.sample.keyReason == "the key the model was trained on")
        #expect(report.sample.plaintext == ModelReport.defaultPlaintext)
        #expect(report.sample.ciphertext.hasPrefix("Wkh nhhshu olw"))
        let score = report.sample.score
        #expect(score.of == 72 && score.correct == score.of, "the key-3 model decrypts its own key exactly: \(score)")  // 74 tokens but [start], [end]
        #expect(report.validation.windows == 8 && report.validation.source == "Corpora/en-the-lighthouse-letters.txt")
        #expect(report.shapes.parameterCount == 24_607)
        let html = report.html
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<h1>What the model <code>rnn-key3.safetensors</code> learned</h1>"))
        #expect(html.contains("the SHA-256 of the tensors, recorded when the file was written, matches"))
    }

    @Test func aTextLongerThanThePageShowsIsRefused() throws {
        let model = try TrainedModel.load(from: Self.modelPath)
        #expect(throws: InspectionError.textTooLong(tokens: 161, limit: 120)) {
            _ = try ModelReport(path: Self.modelPath, model: model, plaintext: String(repeating: "abc ", count: 40), corpus: try Self.corpus(), windows: 4)
        }
    }

    @Test func aCorpusShorterThanAWindowIsRefused() throws {
        let model = try TrainedModel.load(from: Self.modelPath)
        #expect(throws: InspectionError.self) {
            _ = try ModelReport(path: Self.modelPath, model: model, corpus: ModelReport.Corpus(tokens: [0, 1, 2], name: "tiny"), windows: 4)
        }
    }
}
