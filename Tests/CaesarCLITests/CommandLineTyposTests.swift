import Testing

/// Mistyped words are named, with the nearest right one (issue #15).
@Suite struct CommandLineTyposTests {
    @Test(arguments: [
        (["decript", "Wkh"], "no subcommand 'decript'; hint: did you mean 'decrypt'? see 'caesar --help'"),
        (["help", "nosuch"], "no subcommand 'nosuch'; hint: see 'caesar --help'"),
        (["help", "crak"], "no subcommand 'crak'; hint: did you mean 'crack'? see 'caesar --help'"),
        (["lesson", "bpt"], "no subcommand 'bpt'; hint: did you mean 'bptt'? see 'caesar lesson --help'"),
        (["decrypt", "--kye", "3", "x"], "Unknown option '--kye'; hint: did you mean '--key'? see 'caesar decrypt --help'"),
        // A typo of a hidden older name is answered with the name help shows.
        (["decrypt", "--shif", "3", "x"], "Unknown option '--shif'; hint: did you mean '--key'? see 'caesar decrypt --help'"),
        (["encrypt", "-k", "3", "--ot", "x", "abc"], "Unknown option '--ot'; hint: did you mean '--output'? see 'caesar encrypt --help'"),
        (["train", "c.txt", "--lrr", "0.1"], "Unknown option '--lrr'; hint: did you mean '--lr'? see 'caesar train --help'"),
        (["brute", "--quite", "x"], "Unknown option '--quite'; hint: did you mean '--quiet'? see 'caesar brute --help'"),
        // Nothing near: no guess (ArgumentParser's own reached as far as '--key' for '--ot').
        (["encrypt", "--xyz", "3", "abc"], "Unknown option '--xyz'; hint: see 'caesar encrypt --help'"),
        (["lesson", "bptt", "--ot", "x"], "Unknown option '--ot'; hint: did you mean '--output'? see 'caesar lesson bptt --help'"),
        (["crack", "--prefix", "-5", "x"], "--prefix must be at least 1 letter, got -5; hint: see 'caesar crack --help'"),
        (["train", "c.txt", "--out", "a", "--output", "b"], "give --output once (--out is its older name); hint: see 'caesar train --help'"),
    ])
    func typosAreNamed(_ arguments: [String], _ message: String) throws {
        try CaesarRun.expectError(arguments, status: 64, message)
    }

    @Test func helpOfARealSubcommandStillWorks() throws {
        let run = try CaesarRun(["help", "decrypt"])
        #expect(run.status == 0 && run.stdout.hasPrefix("OVERVIEW: Decrypt text"))
    }

    /// The old names of the key and output options are still accepted.
    @Test func olderFlagNamesStillWork() throws {
        #expect(try CaesarRun(["encrypt", "--shift", "3", "abc"]).stdout == "def\n")
        #expect(try CaesarRun(["decrypt", "-k", "3", "def"]).stdout == "abc\n")
    }
}
