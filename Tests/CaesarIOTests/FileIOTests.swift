import Foundation
import Testing

@testable import CaesarIO

/// A private scratch folder per test, removed afterwards.
private struct Scratch: ~Copyable {
    let folder: String
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("caesar-io-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: folder) }
    func path(_ name: String) -> String { folder + "/" + name }
    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
}

@Suite struct AtomicFileTests {
    @Test func writesThenReadsTheSameBytesAndLeavesNoTemporary() throws {
        let scratch = try Scratch()
        let bytes: [UInt8] = Array(0...255) + Array("é".utf8)
        try AtomicFile.write(bytes, to: scratch.path("m.bin"))
        #expect(try AtomicFile.read(scratch.path("m.bin"), limit: 1 << 20) == bytes)
        try AtomicFile.write([1, 2, 3], to: scratch.path("m.bin"))  // replaced whole
        #expect(try AtomicFile.read(scratch.path("m.bin"), limit: 3) == [1, 2, 3])
        #expect(scratch.entries == ["m.bin"])
    }

    @Test func readRefusesLargeFilesFoldersAndMissingFilesByName() throws {
        let scratch = try Scratch()
        try AtomicFile.write([UInt8](repeating: 7, count: 10), to: scratch.path("ten"))
        #expect(throws: IOError.tooLarge(source: "'\(scratch.path("ten"))'", limit: 9)) { try AtomicFile.read(scratch.path("ten"), limit: 9) }
        #expect(throws: IOError.cannotRead(source: "'\(scratch.folder)'", reason: "it is a directory")) { try AtomicFile.read(scratch.folder, limit: 9) }
        #expect(throws: IOError.cannotOpen(path: scratch.path("none"), reason: "No such file or directory")) { try AtomicFile.read(scratch.path("none"), limit: 9) }
    }

    @Test func aPathThatNamesAFolderIsRefusedBeforeAnythingIsWritten() throws {
        let scratch = try Scratch()
        #expect(throws: IOError.cannotWrite(destination: "'\(scratch.folder)/'", reason: "it names a folder, not a file")) {
            try AtomicFile.write([1], to: scratch.folder + "/")
        }
        #expect(scratch.entries.isEmpty)
    }

    @Test func splitsAPathIntoFolderAndName() {
        #expect(AtomicFile.split("runs/m.csv") == ("runs/", "m.csv"))
        #expect(AtomicFile.split("m.csv") == ("", "m.csv"))
        #expect(AtomicFile.split("/m") == ("/", "m"))
        #expect(AtomicFile.split("runs/") == ("runs/", ""))
    }

    /// Only names of the shape a killed write leaves (`.NAME.` and six characters) go.
    @Test func removesOnlyTheLeftoversOfItsOwnFile() throws {
        let scratch = try Scratch()
        for name in [".m.csv.a1B2c3", ".m.csv.short", ".other.csv.a1B2c3", "m.csv", ".m.csv.a1B2c3d"] {
            try AtomicFile.write([0], to: scratch.path(name))
        }
        AtomicFile.removeLeftoverTemporaries(of: scratch.path("m.csv"))
        #expect(scratch.entries == [".m.csv.a1B2c3d", ".m.csv.short", ".other.csv.a1B2c3", "m.csv"])
    }
}

@Suite struct TextOutputTests {
    /// Nothing appears at the destination until finish; then all of it, in one rename.
    @Test func aFileAppearsWholeOnlyWhenFinished() throws {
        let scratch = try Scratch()
        let path = scratch.path("out.txt")
        let output = try TextOutput(.file(path: path))
        try output.write("Wkh ")
        try output.write(String(repeating: "x", count: 100_000))  // more than the buffer: written through
        try output.flush()
        #expect(!FileManager.default.fileExists(atPath: path))
        try output.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.count == 100_004 && text.hasPrefix("Wkh x"))
        #expect(scratch.entries == ["out.txt"])
    }

    /// A run that fails half-way leaves the old file as it was, and no temporary.
    @Test func anAbandonedOutputLeavesTheOldFileAlone() throws {
        let scratch = try Scratch()
        let path = scratch.path("out.txt")
        try AtomicFile.write(Array("old".utf8), to: path)
        do {
            let output = try TextOutput(.file(path: path))
            try output.write("half of the new")
            output.abandon()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(scratch.entries == ["out.txt"])
    }

    @Test func aFolderIsRefusedAsADestination() throws {
        let scratch = try Scratch()
        #expect(throws: IOError.self) { try TextOutput(.file(path: scratch.folder + "/")) }
        #expect(throws: IOError.self) { try TextOutput(.file(path: scratch.path("no/such/folder/out.txt"))) }
    }
}

@Suite struct TextInputTests {
    /// A sequence cut by the chunk boundary is carried over whole: the chunks are valid UTF-8
    /// and together the file.
    @Test(arguments: [4, 5, 7, 1 << 20])
    func chunksNeverSplitACharacter(chunkSize: Int) throws {
        let scratch = try Scratch()
        let text = String(repeating: "aé€😀", count: 50)
        try AtomicFile.write(Array(text.utf8), to: scratch.path("in.txt"))
        let input = try TextInput(.file(path: scratch.path("in.txt")))
        var chunks: [String] = []
        try input.forEachChunk(chunkSize: chunkSize) { chunk in
            #expect(String(validating: Array(chunk), as: UTF8.self) != nil)
            chunks.append(String(decoding: chunk, as: UTF8.self))
        }
        #expect(chunks.joined() == text)
        #expect(input.bytesRead == text.utf8.count)
    }

    @Test func invalidUTF8IsRefusedAtItsOffsetOrRepairedWhenLossy() throws {
        let scratch = try Scratch()
        try AtomicFile.write([0x61, 0x62, 0xC3, 0x28, 0x63], to: scratch.path("bad.txt"))
        #expect(throws: IOError.invalidUTF8(source: "file '\(scratch.path("bad.txt"))'", offset: 2)) {
            try TextInput(.file(path: scratch.path("bad.txt"))).readAll()
        }
        #expect(try TextInput(.file(path: scratch.path("bad.txt")), lossy: true).readAll() == "ab\u{FFFD}(c")
    }

    @Test func readAllRefusesMoreThanItsLimit() throws {
        let scratch = try Scratch()
        try AtomicFile.write([UInt8](repeating: 0x61, count: 100), to: scratch.path("a.txt"))
        #expect(try TextInput(.file(path: scratch.path("a.txt"))).readAll(limit: 100).count == 100)
        #expect(throws: IOError.tooLarge(source: "file '\(scratch.path("a.txt"))'", limit: 99)) {
            try TextInput(.file(path: scratch.path("a.txt"))).readAll(limit: 99)
        }
    }

    @Test func foldersAndEndlessDevicesAreRefusedByName() throws {
        let scratch = try Scratch()
        #expect(throws: IOError.cannotRead(source: "file '\(scratch.folder)'", reason: "it is a directory")) { try TextInput(.file(path: scratch.folder)) }
        #expect(throws: IOError.cannotRead(source: "file '/dev/zero'", reason: "it is a device, not a text file")) { try TextInput(.file(path: "/dev/zero")) }
        #expect(TextInput.problem(kind: S_IFCHR, terminal: true) == nil)  // a terminal ends at ^D
    }

    /// Lines come in blocks of the size asked, whatever the chunks: line breaks removed, a
    /// carriage return kept with its line, a last line without a break still a line.
    @Test(arguments: [4, 6, 1 << 20])
    func linesComeInBlocksWhateverTheChunks(chunkSize: Int) throws {
        let scratch = try Scratch()
        try AtomicFile.write(Array("one\ntwo\r\n\nfour é\nfive".utf8), to: scratch.path("in.txt"))
        var blocks: [[String]] = []
        try TextInput(.file(path: scratch.path("in.txt"))).forEachLineBlock(blockSize: 2, lineLimit: 64, chunkSize: chunkSize) { blocks.append($0) }
        #expect(blocks == [["one", "two\r"], ["", "four é"], ["five"]])
        var none: [[String]] = []
        try TextInput(.text("")).forEachLineBlock(blockSize: 2, lineLimit: 64) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func aLineLongerThanTheLimitIsRefused() throws {
        let scratch = try Scratch()
        try AtomicFile.write(Array("short\n\(String(repeating: "x", count: 65))\n".utf8), to: scratch.path("in.txt"))
        let input = try TextInput(.file(path: scratch.path("in.txt")))
        #expect(throws: IOError.tooLarge(source: "a line of file '\(scratch.path("in.txt"))'", limit: 64)) {
            try input.forEachLineBlock(blockSize: 8, lineLimit: 64) { _ in }
        }
    }

    @Test func textArgumentsAreOneChunk() throws {
        let input = try TextInput(.text("Wkh vhfuhw"))
        #expect(input.name == "the text arguments")
        #expect(try input.readAll() == "Wkh vhfuhw")
    }
}
