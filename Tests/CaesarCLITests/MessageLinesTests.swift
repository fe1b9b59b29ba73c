import Foundation
import Testing

/// `--lines`: each line its own message with its own key (issue #15).
@Suite struct MessageLinesTests {
    /// Three keys in three lines, a blank line kept, and a line with no plausible plaintext
    /// written unchanged and named: line N of the output is line N of the input.
    static let input = "Wkh vhfuhw phhwlqj lv dw gdzq.\nWood wo li dro yvn wsvv\n\nLyhxyt-piom à fu auly xyguch\nxqzjv kptrw\n"

    @Test(arguments: ["decrypt", "crack"])
    func everyLineHasItsOwnKey(_ command: String) throws {
        let run = try CaesarRun([command, "--lines", "-"], stdin: Data(Self.input.utf8))
        #expect(run.status == 1)
        #expect(run.stdout == "The secret meeting is at dawn.\nMeet me by the old mill\n\nRendez-vous à la gare demain\nxqzjv kptrw\n")
        let notes = run.stderr.split(separator: "\n")
        #expect(notes.count == 5, "\(run.stderr)")
        #expect(notes[0].hasPrefix("line 1: key 3, confidence ") && notes[1].hasPrefix("line 2: key 10, ") && notes[2].hasPrefix("line 4: key 20, "))
        #expect(notes[2].contains("(French "))
        #expect(notes[3].hasPrefix("caesar: no plausible plaintext in line 5: "))
        #expect(notes[4] == "caesar: error: 1 of 5 lines had no plausible plaintext (written unchanged); hint: those lines, named above, may be in a language without a model (caesar ngrams build) or not Caesar-enciphered")
    }

    @Test func jsonLinesHaveOneObjectPerLine() throws {
        let run = try CaesarRun(["crack", "--lines", "--json", "--method", "quadgram"], stdin: Data("Wkh vhfuhw phhwlqj lv dw gdzq.\n12345".utf8))
        #expect(run.status == 0 && run.stderr.isEmpty)
        let objects = try run.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 2)
        #expect(objects[0]["key"] as? Int == 3 && objects[0]["line"] as? Int == 1 && objects[0]["plaintext"] as? String == "The secret meeting is at dawn.")
        #expect(objects[1]["key"] == nil && objects[1]["plaintext"] as? String == "12345")
    }

    @Test func argumentsAreOneMessageEach() throws {
        let run = try CaesarRun(["decrypt", "--lines", "-q", "--method", "quadgram", "Wkh vhfuhw phhwlqj lv dw gdzq", "Xli wigvix qiixmrk mw ex hear"])
        #expect(run.stdout == "The secret meeting is at dawn\nThe secret meeting is at dawn\n" && run.stderr.isEmpty)
    }

    @Test func bruteRanksEachLineOnItsOwn() throws {
        let text = try CaesarRun(["brute", "--lines", "--method", "quadgram", "-"], stdin: Data("Wkh vhfuhw\n123\nUryyb jbeyq\n".utf8))
        #expect(text.status == 0)
        let blocks = text.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(blocks.count == 2)
        #expect(blocks[0].hasPrefix("line 1:\n 1  key  3  ") && blocks[1].hasPrefix("line 3:\n 1  key 13  "))
        #expect(blocks.allSatisfy { $0.split(separator: "\n").count == 27 })
        let json = try CaesarRun(["brute", "--lines", "--json", "--method", "quadgram", "Wkh vhfuhw"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["line"] as? Int == 1 && (object["candidates"] as? [Any])?.count == 26)
    }
}
