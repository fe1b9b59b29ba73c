import Foundation
import Testing

/// Input made to hurt (issue #14): each is refused in one line naming the problem, with a
/// hint and a non-zero status, or handled; never a crash, a hang or a terminal taken over.
@Suite struct HostileInputTests {
    static func regression(_ name: String) -> String { SourceTree.path("Fuzz/regressions/model-file/" + name) }

    /// Metadata is printed with its control characters as codes: no escape reaches the terminal.
    @Test func escapesInAModelFileDoNotReachTheTerminal() throws {
        let run = try CaesarRun(["decrypt", "--model", Self.regression("terminal-escape-in-format"), "Wkh vhfuhw"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{7}"))
        #expect(run.stderr.contains(#"its format is 'caesar-\u{1B}]0;pwned\u{7}\u{1B}[31mred'"#))
    }

    @Test func metadataClaimingAHugeNetworkIsRefusedByItsShapes() throws {
        try CaesarRun.expectError(["decrypt", "--model", Self.regression("huge-sizes-in-metadata"), "Wkh"], status: 1,
            "model '\(Self.regression("huge-sizes-in-metadata"))': tensor 'rnn.weight_ih_l0' has shape [12, 31], expected [262144, 31]; hint: the weights do not match the metadata; re-save the model")
    }

    /// A trained sequence length of Int.max once trapped in the window arithmetic.
    @Test func anAbsurdTrainedLengthIsIgnored() throws {
        let run = try CaesarRun(["decrypt", "--model", Self.regression("sequence-length-overflow"), "Wkh vhfuhw phhwlqj"])
        #expect(run.status == 0 && !run.stdout.isEmpty)
    }

    /// A device gives bytes forever: refused before a byte is read (it once read 4 GiB).
    @Test(arguments: [["train", "/dev/zero"], ["decrypt", "-i", "/dev/zero"], ["ngrams", "build", "/dev/urandom", "--language", "xx", "-o", "/tmp/never.safetensors"]])
    func devicesAreNotText(_ arguments: [String]) throws {
        let run = try CaesarRun(arguments)
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("it is a device, not a text file; hint: give a readable text file\n"), "\(run.stderr)")
    }

    /// One changed byte of the weights: the recorded hash no longer matches.
    @Test func aDamagedShippedModelIsRefusedByName() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SourceTree.path("Models/rnn-key3.safetensors"))))
        bytes[95727] ^= 0x53
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-damaged-\(UUID().uuidString).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try CaesarRun(["decrypt", "--model", path, "Wkh vhfuhw"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.contains("not to the") && run.stderr.contains("recorded when it was written: the file is damaged; hint:"), "\(run.stderr)")
    }
}
