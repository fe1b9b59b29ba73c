import CaesarIO
import CaesarTraining

/// What `caesar train` prints when it stops.
struct TrainingSummary: Encodable {
    let outcome: String
    let steps: Int
    let trainingSeconds: Double
    let characters: Int
    let bestValidationAccuracy: Double?
    /// A language model's best held-out loss, in bits per character.
    let bestBitsPerCharacter: Double?
    let bestStep: Int?
    let corpus: String
    let configuration: TrainingConfiguration
    let files: TrainingRun.Files
    let records: [TrainingRecord]
    /// The command that goes on from the checkpoint.
    let resumeCommand: String

    init(run: TrainingRun, outcome: Trainer.Outcome) {
        let trainer = run.trainer
        switch outcome {
        case .finished: self.outcome = "finished"
        case .reachedTarget: self.outcome = "reached --stop-at"
        case .interrupted: self.outcome = "interrupted"
        }
        steps = trainer.state.step
        trainingSeconds = trainer.state.trainingSeconds
        characters = trainer.state.characters
        bestValidationAccuracy = trainer.state.bestAccuracy
        bestStep = trainer.state.bestStep
        bestBitsPerCharacter = trainer.state.bestBitsPerCharacter
        corpus = run.corpus.summary
        configuration = trainer.configuration
        files = run.files
        records = trainer.state.records
        resumeCommand = ShellWords.caesar(["train"] + run.corpusPaths + ["--output", files.model, "--resume"])
    }

    var text: String {
        let rate = trainingSeconds > 0 ? Double(characters) / trainingSeconds : 0
        var lines = [
            "\(outcome) at step \(steps) after \(duration(trainingSeconds)) of training (\(grouped(Int(rate))) chars/s)",
            "network     \(configuration.architecture)"
                + (configuration.architecture.setup == .languageModel ? "" : ", key \(configuration.key)") + ", trained on \(corpus)",
        ]
        if let best = bestValidationAccuracy, let step = bestStep {
            if let bits = bestBitsPerCharacter {
                lines.append("best        validation \(format(bits, 3)) bits per character (\(ValidationSet.metric(of: configuration.architecture.setup)) \(percent(best))) at step \(step)")
            } else {
                lines.append("best        validation \(ValidationSet.metric(of: configuration.architecture.setup)) \(percent(best)) at step \(step)")
            }
            lines.append("model       \(files.model)")
        }
        lines.append("checkpoint  \(files.checkpoint)")
        if !records.isEmpty { lines.append("curves      \(files.curvesCSV), \(files.curvesSVG)") }
        if outcome == "interrupted" {
            lines.append("continue    \(resumeCommand)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
