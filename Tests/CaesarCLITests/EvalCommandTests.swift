import Foundation
import Testing

@Suite struct EvalCommandTests {
    @Test func theTableSetsTheNetworkBesideTheScorers() throws {
        let run = try CaesarRun(["eval", "--model", DecryptNeuralTests.model, "--corpus", SourceTree.path("Corpora/en-the-lighthouse-letters.txt"),
                                 "--trials", "20", "--lengths", "10", "30", "--methods", "quadgram", "chi2"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[4] == "letters    key     conf   raw chars  raw messages  quadgram chi2")
        #expect(lines[5].hasPrefix("     10    ") && lines[6].hasPrefix("     30    "))
        #expect(!run.stdout.contains(" \n"))
    }

    @Test func jsonHasEveryRowAndIsReproducible() throws {
        let arguments = ["eval", "--model", DecryptNeuralTests.model, "--corpus", SourceTree.path("Corpora/en-the-lighthouse-letters.txt"),
                         "--trials", "15", "--lengths", "5", "20", "--seed", "4", "--json"]
        let first = try CaesarRun(arguments), second = try CaesarRun(arguments)
        #expect(first.stdout == second.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        let network = object["network"] as! [[String: Any]]
        #expect(network.map { $0["letters"] as? Int } == [5, 20])
        #expect(network.allSatisfy { ($0["trials"] as? Int) == 15 })
        #expect((object["classical"] as! [[Any]]).count == 4)
    }

    @Test func windowsFollowTheReferenceProtocol() throws {
        let run = try CaesarRun(["eval", "--model", DecryptNeuralTests.model, "--corpus", SourceTree.path("Corpora/en-the-lighthouse-letters.txt"),
                                 "--trials", "5", "--lengths", "10", "--methods", "chi2", "--windows", "10", "40", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let windows = object["windows"] as! [[String: Any]]
        #expect(windows.map { $0["characters"] as? Int } == [10, 40])
        // The story has 9,113 tokens: 911 windows of 10 and 227 of 40 (fewer than 2600).
        #expect(windows.map { $0["windows"] as? Int } == [911, 227])
    }

    @Test(arguments: [
        (["eval"], "give held-out text with --corpus FILE; hint: see 'caesar eval --help'", 64),
        (["eval", "--corpus", "x", "--trials", "0"], "--trials must be between 1 and 1000000, got 0; hint: see 'caesar eval --help'", 64),
        (["eval", "--corpus", "x", "--lengths", "5", "5"], "--lengths takes distinct lengths between 1 and 10000 letters; hint: see 'caesar eval --help'", 64),
    ] as [([String], String, Int32)])
    func badFlagsAreOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }
}
