import CaesarFuzzing

#if canImport(Glibc)
import Glibc
#endif

/// A line on standard error.
func complain(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

// libFuzzer's entry: built with `-sanitize=fuzzer` and `-D FUZZING` (Fuzz/run.sh), the
// target is the one CAESAR_FUZZ_TARGET names.
enum Chosen {
    /// Read the first time libFuzzer calls in (a static is initialized lazily).
    static let target: FuzzTarget = {
        guard let name = getenv("CAESAR_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
            complain("caesar-fuzz: set CAESAR_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            exit(64)
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Chosen.target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
/// Without libFuzzer: `caesar-fuzz TARGET FILE…` runs the files through a target (to replay a
/// crash, or the corpus).
@main
struct CaesarFuzz {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let chosen = FuzzTarget(rawValue: name) else {
            complain("usage: caesar-fuzz TARGET FILE…  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                complain("caesar-fuzz: cannot open \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&chunk, 1, chunk.count, file)
                if n == 0 { break }
                bytes += chunk[..<n]
            }
            fclose(file)
            chosen.run(bytes)
        }
        print("ran \(arguments.count - 1) input(s) through \(chosen.rawValue)")
    }
}
#endif
