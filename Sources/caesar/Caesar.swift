import ArgumentParser
import CaesarIO

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
            """,
        version: "0.1.0",
        subcommands: [
            Encrypt.self, Decrypt.self, Brute.self, Crack.self, Tokenize.self, Train.self, Eval.self, Report.self,
            GradCheck.self, Ngrams.self, Lesson.self, Bench.self,
        ]
    )

    /// Parses and runs, and reports any failure as one line on standard error.
    static func main() {
        signal(SIGPIPE, SIG_IGN)  // a closed pipe becomes EPIPE, handled below
        do {
            var command = try parseAsRoot()
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
        if code == .validationFailure {
            // Flag and argument errors: ArgumentParser's sentence plus where to read more.
            line += message(for: error).trimmingTrailingPeriod
            line += "; hint: see 'caesar \(subcommandPath.map { "\($0) " }.joined())--help'"
        } else {
            line += "\(error)"
        }
        StandardError.print(line)
        Glibc.exit(code.rawValue)
    }
}

extension Caesar {
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
}
