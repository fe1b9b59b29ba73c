import ArgumentParser
import CaesarTraining

/// A trained model to look into: `--model FILE`, a model file `caesar train` wrote.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A model file written by 'caesar train' (.safetensors).", valueName: "path"))
    var model: String?

    func validate() throws {
        if model == "" { throw ValidationError("--model needs a file path") }
    }

    /// The model, or nil when --model was not given.
    func load() throws -> TrainedModel? {
        try model.map(TrainedModel.load(from:))
    }
}
