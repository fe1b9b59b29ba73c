import CaesarNeural

/// Why training could not start or go on, or a trained model could not be read or run. One
/// line each: the problem, then a hint.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case validationTextTooShort(characters: Int, needed: Int)
    case trainingTextTooShort(characters: Int, needed: Int)
    case diverged(step: Int, savedStep: Int?, retry: String?)
    case runInProgress(model: String)
    case checkpointMismatch(reason: String)
    case badCheckpoint(path: String, reason: String)
    case noText(paths: [String])
    case notManyToMany(path: String, setup: String)
    case badCurves(source: String, line: Int, reason: String)
    case nothingToDecrypt
    case checkpointIsNotAModel(path: String)

    public var description: String {
        switch self {
        case .validationTextTooShort(let characters, let needed):
            return "the validation text has \(characters) characters, fewer than one window of \(needed); "
                + "hint: give more text or a larger --val-split"
        case .trainingTextTooShort(let characters, let needed):
            return "the training text has \(characters) characters, fewer than one window of \(needed); "
                + "hint: give more text or a shorter --seq-len"
        case .diverged(let step, let saved, let retry):
            let kept = saved.map { "the checkpoint of step \($0) is kept" } ?? "no checkpoint had been saved yet"
            let next = saved == nil ? "start again with a lower --lr or with --clip" : "go on from it with a lower --lr or with --clip (a resumed run may change both)"
            return "training diverged at step \(step) (the loss or a weight became NaN, infinite or beyond ±\(Int(ModelFile.largestWeight))); \(kept); hint: \(next)"
                + (retry.map { ", e.g. \($0)" } ?? "")
        case .runInProgress(let model):
            return "another caesar train is writing '\(model)'; hint: wait for it to finish, or give this run another --out"
        case .checkpointMismatch(let reason):
            return "cannot resume: \(reason); hint: resume with the same corpus and settings, or start a new run"
        case .badCheckpoint(let path, let reason):
            return "checkpoint '\(path)': \(reason); hint: start a new run without --resume"
        case .badCurves(let source, let line, let reason):
            return "learning curves '\(source)', line \(line): \(reason); hint: caesar train writes this file beside the model; train again or remove it"
        case .checkpointIsNotAModel(let path):
            return ModelFileError.trainingCheckpoint(path: path).description  // ModelFile.load finds it; one message
        case .nothingToDecrypt:
            return "the text has no letters or periods, so there is nothing to decrypt; hint: give a text with letters a–z"
        case .notManyToMany(let path, let setup):
            return "'\(path)' is a \(setup) model, and this reads a many-to-many network's states step by step; "
                + "hint: give a model trained with --setup many-to-many"
        case .noText(let paths):
            return "no text files in \(paths.map { "'\($0)'" }.joined(separator: ", ")); hint: give text files or folders that hold them"
        }
    }
}
