/// Command lines written back as a shell reads them, so that what a file or a message records
/// (`training_command`, "Made by …", a resume hint) can be copied and run again.
public enum ShellWords {
    /// `word` as one shell word: unchanged when it holds only characters no shell treats
    /// specially, otherwise in single quotes (a quote inside written `'\''`).
    ///
    ///     ShellWords.quoted("--lr")              // --lr
    ///     ShellWords.quoted("Meet me at noon.")  // 'Meet me at noon.'
    public static func quoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+".contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `caesar` and `arguments` as one command line, each argument quoted.
    public static func caesar(_ arguments: [String]) -> String {
        (["caesar"] + arguments.map(quoted)).joined(separator: " ")
    }
}
