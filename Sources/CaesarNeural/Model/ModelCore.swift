/// What the three model classes hold alike, whatever their passes: the architecture, the
/// parameters and a gradient set of the same layout, the recurrent stacks and the linear head
/// that read them, and the workers a batch is split between.
///
/// ``ManyToManyModel``, ``KeyClassifier`` and ``EncoderDecoder`` each keep one of these and
/// differ only in what they do with it (their forward and backward passes, ``WorkerPasses``).
/// Their public `parameters` and `gradients` yield this core's in place (a `_modify`
/// accessor), so an optimizer step writes into the one buffer and nothing is copied.
struct ModelCore<Scalar: NeuralScalar> {
    let architecture: Architecture
    var parameters: ParameterSet<Scalar> {
        didSet { parametersVersion &+= 1 }
    }
    var gradients: ParameterSet<Scalar>
    /// Threads a batch is split between: its sequences are divided between workers, and a
    /// batch of one sequence shares each step's hidden units between two (``SharedSteps``).
    var threads: Int
    /// One stack per ``Architecture/stacks`` entry: the encoder–decoder's encoder and decoder,
    /// the other setups' single stack.
    let stacks: [RecurrentStack<Scalar>]
    let head: LinearHead
    let workers: Workers<Scalar>
    /// Counts the changes of ``parameters`` (the workers rebuild their weight copies on change).
    private(set) var parametersVersion = 0

    /// Checks that `parameters` fit `architecture`, that its setup is one of `setups` (the
    /// names a model class accepts) and that there is a thread; then builds stacks, head and
    /// workers.
    init(architecture: Architecture, parameters: ParameterSet<Scalar>, threads: Int, setups: [String]) {
        precondition(setups.contains(architecture.setup.name), "a \(architecture.setup) network is not \(setups.joined(separator: " or "))")
        precondition(parameters.layout == ParameterLayout(architecture), "parameters do not match \(architecture)")
        precondition(threads > 0, "at least one thread")
        BLAS.useOneThreadPerCall()  // the workers are the threads: one BLAS thread inside each
        self.architecture = architecture
        self.parameters = parameters
        self.gradients = ParameterSet(layout: parameters.layout)
        self.threads = threads
        stacks = architecture.stacks.map { RecurrentStack($0, layout: parameters.layout) }
        head = LinearHead(outputOf: parameters.layout)
        workers = Workers(architecture: architecture, stacks: stacks)
    }
}
