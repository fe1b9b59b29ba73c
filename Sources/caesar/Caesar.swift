import ArgumentParser
import Foundation
import CaesarIO
import CaesarNeural

#if canImport(Glibc)
import Glibc
#endif

/// The `caesar` command. Each subcommand lives in its own file under `Commands/`; shared
/// options live under `Options/`.
@main
struct Caesar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caesar",
        abstract: "Encrypt, decrypt and crack Caesar ciphers, and learn how recurrent networks learn to.",
        discussion: """
            Text comes from the TEXT arguments, from --input FILE, or from standard input. \
            Every subcommand takes --json for a machine-readable result. Errors are one line on \
            standard error and a non-zero exit status (64 for wrong flags, 1 for everything else).

            Examples:
              caesar encrypt --key 3 "The secret meeting is at dawn."
              caesar decrypt "Wkh vhfuhw phhwlqj lv dw gdzq."
              caesar decrypt --lines -i messages.txt -o plain.txt
              caesar --generate-completion-script bash > caesar.bash  # shell completion
            """,
        version: Caesar.version,
        subcommands: [
            Encrypt.self, Decrypt.self, Brute.self, Crack.self, Tokenize.self, Train.self, Eval.self, Report.self,
            Calibrate.self, GradCheck.self, Ngrams.self, Sample.self, Lesson.self, Bench.self,
        ]
    )

    /// The tool's version, raised when what users see changes (git log says what changed).
    static let version = "0.5.0"

    /// Parses and runs, and reports any failure as one line on standard error.
    static func main() {
        signal(SIGPIPE, SIG_IGN)  // a closed pipe becomes EPIPE, handled below
        do {
            try requireKnownSubcommand()
            var command = try parseAsRoot(commaListsSplit(Array(CommandLine.arguments.dropFirst())))
            if command is MatrixHeavyCommand { restartWithBetterMatrixKernels() }
            try command.run()
        } catch IOError.brokenPipe {
            Glibc.exit(0)  // `caesar ... | head`: the reader has all it wanted
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)  // a verdict already printed (`lesson bptt --check`), not an error
        } catch {
            report(error)
        }
    }

    /// Help and version go to standard output with exit 0, as ArgumentParser prints them;
    /// everything else is a single line: the problem, then a hint.
    static func report(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        var line = "caesar: error: "
        let help = "see 'caesar \(subcommandPath.map { "\($0) " }.joined())--help'"
        if code == .validationFailure, let typo = mistypedSubcommand {
            line += "no subcommand '\(typo.given)'; hint: " + (typo.nearest.map { "did you mean '\($0)'? " } ?? "") + help
        } else if code == .validationFailure {
            // Flag and argument errors: ArgumentParser's sentence plus where to read more; its
            // suggestion ("Did you mean '--key'?") goes into the hint.
            let sentence = message(for: error).asOneLine
            if sentence.hasPrefix("Unknown option '"), let given = sentence.split(separator: "'").dropFirst().first {
                // Our own suggestion: ArgumentParser's ignores hidden spellings and reaches far
                // (`--ot` → '--key').
                let unknown = sentence.prefix { $0 != "." }
                line += unknown + "; hint: " + (nearestOption(to: String(given), in: commandOnLine).map { "did you mean '\($0)'? " } ?? "") + help
            } else if let range = sentence.range(of: ". Did you mean ") {
                line += sentence[..<range.lowerBound] + "; hint: did you mean " + sentence[range.upperBound...] + " " + help
            } else {
                line += sentence.trimmingTrailingPeriod + "; hint: " + help
            }
        } else {
            line += "\(error)"
        }
        StandardError.print(line)
        Glibc.exit(code.rawValue)
    }
}

extension Caesar {
    /// When OpenBLAS fell back to old kernels on a CPU it does not know (``BLAS/betterKernels``),
    /// starts this process again asking for the right ones. Once: the restarted process has
    /// the variable set. If the restart fails, the tool goes on with what it has. Only commands
    /// that spend their time in matrix products do it (a restart costs about 30 ms).
    static func restartWithBetterMatrixKernels() {
        guard let kernels = BLAS.betterKernels else { return }
        setenv("OPENBLAS_CORETYPE", kernels, 1)
        var arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &arguments)
    }

    /// Options that take a list of values (not paths): `--lengths 5,10,20` is read as
    /// `--lengths 5 10 20`, as the lessons read their lists.
    static let commaListOptions: Set<String> = ["--lengths", "--methods", "--configs", "--batches", "--measure", "--windows"]

    /// The arguments with each comma-separated value of a list option split into values.
    static func commaListsSplit(_ arguments: [String]) -> [String] {
        var out: [String] = [], inList = false
        for word in arguments {
            if word.hasPrefix("-") {
                inList = commaListOptions.contains(word)
                out.append(word)
            } else if inList, word.contains(",") {
                out += word.split(separator: ",").map(String.init)
            } else {
                out.append(word)
            }
        }
        return out
    }

    /// `caesar help nosuch`: ArgumentParser prints the top-level help and exits 0; here it is
    /// an error naming the word, like any other unknown subcommand.
    static func requireKnownSubcommand() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "help", arguments.count > 1, mistypedSubcommand(in: Array(arguments.dropFirst())) != nil else { return }
        throw ValidationError("no such subcommand")  // reported by `report`, with the nearest name
    }

    /// The first word where a subcommand was expected, when it names none, with the nearest
    /// name (at most two edits away): `decript` → `decrypt`.
    static var mistypedSubcommand: (given: String, nearest: String?)? {
        var words = Array(CommandLine.arguments.dropFirst())
        if words.first == "help" { words.removeFirst() }
        return mistypedSubcommand(in: words)
    }

    static func mistypedSubcommand(in words: [String]) -> (given: String, nearest: String?)? {
        var level: [ParsableCommand.Type] = configuration.subcommands
        for word in words {
            guard !level.isEmpty, !word.hasPrefix("-") else { return nil }
            guard let command = level.first(where: { $0._commandName == word }) else {
                let names = level.map { $0._commandName }
                let nearest = names.map { ($0, editDistance($0, word)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
                return (word, nearest)
            }
            level = command.configuration.subcommands
        }
        return nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// The subcommand names on the command line, outermost first: `["lesson", "bptt"]`.
    static var subcommandPath: [String] {
        var path: [String] = []
        var level: [ParsableCommand.Type] = configuration.subcommands
        for argument in CommandLine.arguments.dropFirst() {
            guard let command = level.first(where: { $0._commandName == argument }) else { continue }
            path.append(argument)
            level = command.configuration.subcommands
        }
        return path
    }
}

extension String {
    fileprivate var trimmingTrailingPeriod: String {
        hasSuffix(".") ? String(dropLast()) : self
    }

    /// ArgumentParser lists many allowed values one a line ("one of the following:\n  - lm\n
    /// - neural"); an error here is one line: "one of the following: lm, neural".
    fileprivate var asOneLine: String {
        let lines = split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count > 1 else { return self }
        return lines[0] + " " + lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
    }
}

/// A command that spends its time in matrix products: training, evaluating and benchmarking
/// networks. It is worth restarting for better BLAS kernels.
protocol MatrixHeavyCommand {}
