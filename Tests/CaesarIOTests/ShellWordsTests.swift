import Testing

@testable import CaesarIO

/// Recorded command lines must run again as typed: words a shell would split or expand are quoted.
@Suite struct ShellWordsTests {
    @Test(arguments: [
        ("--lr", "--lr"), ("Corpora/en.txt", "Corpora/en.txt"), ("--lengths=5,10", "--lengths=5,10"),
        ("Meet me at noon.", "'Meet me at noon.'"), ("", "''"), ("it's", #"'it'\''s'"#), ("$HOME", "'$HOME'"),
        ("*.txt", "'*.txt'"), ("été", "'été'"),
    ])
    func aWordIsQuotedOnlyWhenAShellWouldChangeIt(_ word: String, _ typed: String) {
        #expect(ShellWords.quoted(word) == typed)
    }

    @Test func aCommandLineIsCaesarAndItsQuotedArguments() {
        #expect(ShellWords.caesar(["report", "--text", "Meet me", "-o", "r.html"]) == "caesar report --text 'Meet me' -o r.html")
        #expect(ShellWords.caesar([]) == "caesar")
    }
}
