import CaesarIO
import CaesarInspection
import CaesarTraining

/// What `caesar report` prints once the page is written: where it is and its main figures.
struct ReportSummary: Encodable {
    struct Text: Encodable {
        let plaintext: String
        let key: Int
        let ciphertext: String
        let tokens: Int
        let decoded: String
        let correct: Int
        let characters: Int
    }

    struct Validation: Encodable {
        let source: String
        let windows: Int
        let characters: Int
        let accuracy: Double
    }

    let out: String
    let bytes: Int
    let model: String
    let architecture: String
    let parameters: Int
    let keySchedule: String?
    /// Rows of the learning curves drawn; nil when there were none.
    let curves: Int?
    let text: Text
    let validation: Validation

    init(_ report: ModelReport, out: String, bytes: Int) {
        self.out = out
        self.bytes = bytes
        model = report.path
        architecture = report.model.architecture.description
        parameters = report.shapes.parameterCount
        keySchedule = report.model.key?.description
        if case .records(let records) = report.curves { curves = records.count } else { curves = nil }
        let s = report.sample, (correct, characters) = s.score
        text = Text(plaintext: s.plaintext, key: s.key, ciphertext: s.ciphertext, tokens: s.expected.count,
                    decoded: s.decryption.decoded, correct: correct, characters: characters)
        let v = report.validation
        validation = Validation(source: v.source, windows: v.windows, characters: v.confusion.total, accuracy: v.confusion.accuracy)
    }

    /// A few aligned lines for the terminal.
    var lines: String {
        """
        wrote \(out) (\(grouped(bytes)) bytes)
          model       \(model): \(architecture), \(grouped(parameters)) parameters, key \(keySchedule ?? "not recorded")
          curves      \(curves.map { "\($0) validations" } ?? "none beside the model")
          text        \(text.tokens) tokens, key \(text.key): \(text.correct) of \(text.characters) characters right
          validation  \(validation.windows) windows of \(validation.source): \(percent(validation.accuracy)) of \(grouped(validation.characters)) characters

        """
    }
}
