import Foundation
import Testing
import CaesarTestSupport

/// `caesar decrypt` without a key: a model (or a scorer) finds it.
@Suite struct DecryptNeuralTests {
    /// A small model trained by the CLI itself on the in-repo story, key 3.
    static let model: String = {
        let folder = ScratchFolder.make("decrypt")
        let run = try! CaesarRun(["train", SourceTree.path("Corpora/en-the-lighthouse-letters.txt"), "--key", "3", "--hidden", "24",
                                  "--steps", "200", "--seq-len", "24", "--val-every", "200", "--out", folder + "/m.safetensors"])
        precondition(run.status == 0, run.stderr)
        return folder + "/m.safetensors"
    }()

    static let cipher = "Wkh vhfuhw phhwlqj lv dw gdzq eb wkh ulyhu."

    @Test func theKeyLineThenThePlaintext() throws {
        let run = try CaesarRun(["decrypt", "--model", Self.model, Self.cipher])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("key 3, confidence ") && run.stderr.hasSuffix("(neural over 34 letters)\n"))
        #expect(run.stdout == "The secret meeting is at dawn by the river.\n")
        let quiet = try CaesarRun(["decrypt", "--model", Self.model, "--quiet"], stdin: Data(Self.cipher.utf8))
        #expect(quiet.stdout == "The secret meeting is at dawn by the river.")
    }

    @Test func jsonHasKeyConfidenceAndPlaintext() throws {
        let run = try CaesarRun(["decrypt", "--model", Self.model, "--json", "--raw", Self.cipher])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["key"] as? Int == 3)
        #expect((object["confidence"] as? Double).map { $0 > 0.5 } == true)
        #expect(object["plaintext"] as? String == "The secret meeting is at dawn by the river.")
        #expect(object["method"] as? String == "neural")
        #expect((object["raw"] as? String)?.count == Self.cipher.count)
    }

    /// The key comes from the first --prefix letters only, however much a read brings in.
    @Test func theNetworkReadsOnlyThePrefix() throws {
        let long = String(repeating: Self.cipher + " ", count: 2000)
        let run = try CaesarRun(["decrypt", "--model", Self.model, "--prefix", "7", "--json"], stdin: Data(long.utf8))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["lettersScored"] as? Int == 7)
        #expect((object["plaintext"] as? String)?.hasPrefix("The secret meeting is at dawn by the river. The secret") == true)
    }

    @Test func classicalMethodsDecryptToo() throws {
        let run = try CaesarRun(["decrypt", "--method", "quadgram", "--json", Self.cipher])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["key"] as? Int == 3 && object["method"] as? String == "quadgram")
    }

    @Test(arguments: [
        (["decrypt", "--key", "3", "--raw", "x"], "--method, --model, --lm, --language, --ngrams and --raw find a key; with --key, --rot13 or --rot47 the key is given; hint: see 'caesar decrypt --help'", 64),
        (["decrypt", "--method", "chi2", "--raw", "x"], "--raw shows the network's output: it belongs to --method neural; hint: see 'caesar decrypt --help'", 64),
        (["decrypt", "--method", "chi2", "--model", "m", "x"], "--model belongs to --method neural or char-rnn; hint: see 'caesar decrypt --help'", 64),
        (["decrypt", "--language", "nl", "x"], "--language takes auto or one of en, fr, de, es, it, got 'nl'; for another language build a model and pass it with --lm; hint: see 'caesar decrypt --help'", 64),
        (["decrypt", "--prefix", "0", "x"], "--prefix must be at least 1 letter, got 0; hint: see 'caesar decrypt --help'", 64),
        (["decrypt", "--model", "/no/such.safetensors", "x"], "cannot open '/no/such.safetensors': No such file or directory; hint: check the path and its permissions", 1),
    ] as [([String], String, Int32)])
    func badInputIsOneLineWithAHint(arguments: [String], message: String, status: Int32) throws {
        try CaesarRun.expectError(arguments, status: status, message)
    }

    @Test func aFileThatIsNotAModelIsRefused() throws {
        let path = ScratchFolder.scratchPath("not-a-model")
        try Data("hello, this is text".utf8).write(to: URL(fileURLWithPath: path))
        let run = try CaesarRun(["decrypt", "--model", path, Self.cipher])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("caesar: error: model '\(path)': header claims"))
        #expect(run.stderr.hasSuffix("hint: the file is damaged or not a safetensors file; re-save it\n"))
    }

    @Test func noLettersIsAnError() throws {
        try CaesarRun.expectError(["decrypt", "--model", Self.model, "12345 ..."], status: 1,
                                  "no letters A–Z in the text arguments, so no key can be scored; hint: give ciphertext with Latin letters (a known key works on anything: caesar decrypt --key N)")
    }
}
