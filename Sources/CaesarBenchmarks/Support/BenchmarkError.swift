/// What stops a benchmark: another program that cannot run or fails, outputs that disagree,
/// text that cannot be measured. Each message is one line ending in a hint.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
    case cannotRun(command: String, reason: String)
    case failed(command: String, status: Int32)
    case outputsDiffer(first: String, second: String, offset: Int)
    case emptyText(source: String)

    public var description: String {
        switch self {
        case .cannotRun(let command, let reason):
            return "cannot run '\(command)': \(reason); hint: check that it is installed and on PATH"
        case .failed(let command, let status):
            return "'\(command)' failed with exit status \(status); hint: run it by hand to see its message"
        case .outputsDiffer(let first, let second, let offset):
            return "the outputs of '\(first)' and '\(second)' differ from byte \(offset); hint: the two do not compute the same rotation"
        case .emptyText(let source):
            return "the text to measure on, '\(source)', is empty; hint: give a --corpus file with text in it"
        }
    }
}
