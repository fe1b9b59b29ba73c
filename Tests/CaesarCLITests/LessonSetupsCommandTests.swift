import Foundation
import Testing

@Suite struct LessonSetupsCommandTests {
    static let tiny = ["lesson", "setups", "--steps", "4", "--hidden", "4", "--length", "5", "--messages", "3"]

    /// Tables on standard output, training progress on standard error; --json has every number.
    @Test func theLessonPrintsItsTablesAndProgress() throws {
        let run = try CaesarRun(Self.tiny)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Four setups, one task: small LSTMs, trained 4 steps each on the same batches (seed 0)\n"))
        #expect(run.stdout.contains("Keys right by message length"))
        // Per model: its start, a validation a step, and its result as soon as it is ready.
        let progress = run.stderr.split(separator: "\n")
        #expect(progress.count == 4 * 6)
        #expect(progress[0] == "model 1 of 4, many-to-one: training 4 steps")
        #expect(progress[4].hasPrefix("model 1 of 4, many-to-one: step 4/4 (100%), validation key accuracy ") && progress[4].contains(" elapsed, about "))
        #expect(progress[5].hasPrefix("model 1 of 4, many-to-one ready: 1418 parameters, best validation key accuracy "))
        #expect(progress[23].hasPrefix("model 4 of 4, encoder-decoder ready: "))
        // The closing words quote the tables' own numbers.
        let prose = run.stdout.split(separator: "\n").joined(separator: " ")
        #expect(prose.contains("Every setup's key drives the exact rotation of 'caesar decrypt'."))
        #expect(prose.contains("the quadgram scorer "))
        let json = try CaesarRun(Self.tiny + ["--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((object["models"] as! [[String: Any]]).map { $0["role"] as? String } == ["many-to-one", "many-to-many-uni", "many-to-many-bi", "encoder-decoder"])
        #expect((object["keysByLength"] as! [[String: Any]]).map { $0["label"] as? Int } == [2, 4, 5, 8])
        #expect((object["byPosition"] as! [Any]).count == 5)
    }

    @Test(arguments: [
        (["lesson", "setups", "--length", "3"], "--length must be between 4 and 256 characters, got 3; hint: see 'caesar lesson setups --help'", 64),
        (["lesson", "setups", "--steps", "0"], "--steps must be between 1 and 1000000, got 0; hint: see 'caesar lesson setups --help'", 64),
        (["lesson", "setups", "--models", ""], "--models needs a folder; hint: see 'caesar lesson setups --help'", 64),
        (["lesson", "setups", "--corpus", "/no/such.txt"], "cannot open '/no/such.txt': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func badInputIsOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }
}
