// swift-tools-version: 6.1
// The caesar toolkit: a text pipeline, classical Caesar cryptanalysis and hand-written
// recurrent networks, one module per concept (see README.md, "Architecture").
import PackageDescription

// The numeric kernels are plain Swift SIMD code; without a target CPU, SIMD
// `addingProduct` becomes a libm `fmaf` call per lane (measured on this project's
// development machine). x86-64-v3 is
// AVX2 + FMA, which every x86 machine of the last decade has.
#if arch(x86_64)
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
#else
let kernelFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "caesar",
    products: [
        .executable(name: "caesar", targets: ["caesar"]),
        .executable(name: "caesar-fuzz", targets: ["caesar-fuzz"]),
        .library(name: "CaesarIO", targets: ["CaesarIO"]),
        .library(name: "CaesarRandom", targets: ["CaesarRandom"]),
        .library(name: "CaesarText", targets: ["CaesarText"]),
        .library(name: "CaesarCipher", targets: ["CaesarCipher"]),
        .library(name: "CaesarNeural", targets: ["CaesarNeural"]),
        .library(name: "CaesarTraining", targets: ["CaesarTraining"]),
        .library(name: "CaesarDecryption", targets: ["CaesarDecryption"]),
        .library(name: "CaesarLanguage", targets: ["CaesarLanguage"]),
        .library(name: "CaesarInspection", targets: ["CaesarInspection"]),
        .library(name: "CaesarBenchmarks", targets: ["CaesarBenchmarks"]),
        .library(name: "CaesarPlot", targets: ["CaesarPlot"]),
        .library(name: "CaesarLessons", targets: ["CaesarLessons"]),
        .library(name: "CaesarSetups", targets: ["CaesarSetups"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C shims: no public Swift API, no system header in their public headers.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        // The shipped English n-gram statistics, compiled in with #embed (see its .c file).
        .target(name: "CEnglishNgrams", exclude: ["english-ngrams.txt"]),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),

        // Libraries.
        .target(name: "CaesarIO"),
        .target(name: "CaesarRandom"),
        .target(name: "CaesarText", dependencies: ["CICU"], exclude: ["README.md"]),
        .target(name: "CaesarCipher", dependencies: ["CEnglishNgrams", "CaesarIO", "CaesarRandom", "CaesarText"], exclude: ["README.md"]),
        .target(
            name: "CaesarNeural", dependencies: ["CBLAS", "CaesarIO", "CaesarRandom", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"], swiftSettings: kernelFlags
        ),
        .target(name: "CaesarTraining", dependencies: ["CaesarNeural", "CaesarText", "CaesarIO", "CaesarRandom", "CaesarPlot"]),
        // x86-64-v3 here too: the trie's lookups count bits (POPCNT), and models store halves (F16C).
        .target(name: "CaesarLanguage", dependencies: ["CaesarText", "CaesarCipher", "CaesarNeural", "CaesarIO"], exclude: ["README.md"], swiftSettings: kernelFlags),
        .target(name: "CaesarDecryption", dependencies: ["CaesarNeural", "CaesarText", "CaesarCipher", "CaesarTraining", "CaesarLanguage"]),
        .target(name: "CaesarPlot", exclude: ["README.md"]),
        .target(name: "CaesarInspection", dependencies: ["CaesarPlot", "CaesarDecryption", "CaesarCipher", "CaesarTraining", "CaesarLessons", "CaesarText", "CaesarNeural", "CaesarIO", "CaesarRandom"]),
        // x86-64-v3 here too: the products benchmark inlines CaesarNeural's @inlinable kernels,
        // whose fused multiply-adds without FMA would be library calls, lane by lane.
        .target(
            name: "CaesarBenchmarks", dependencies: ["CaesarDecryption", "CaesarLanguage", "CaesarCipher", "CaesarIO", "CaesarNeural", "CaesarRandom", "CaesarText"],
            swiftSettings: kernelFlags
        ),
        .target(name: "CaesarLessons", dependencies: ["CaesarPlot", "CaesarRandom"], exclude: ["README.md"]),
        .target(name: "CaesarSetups", dependencies: ["CaesarDecryption", "CaesarIO", "CaesarLessons"], exclude: ["README.md"]),

        // What the fuzzers run (Fuzz/run.sh), and their libFuzzer entry.
        .target(name: "CaesarFuzzing", dependencies: ["CaesarCipher", "CaesarDecryption", "CaesarIO", "CaesarLanguage", "CaesarNeural", "CaesarText", "CaesarTraining"]),
        .executableTarget(name: "caesar-fuzz", dependencies: ["CaesarFuzzing"]),

        // The command-line tool: one subcommand a file.
        .executableTarget(
            name: "caesar",
            dependencies: [
                "CaesarIO", "CaesarRandom", "CaesarText", "CaesarCipher", "CaesarNeural", "CaesarTraining", "CaesarDecryption",
                "CaesarLanguage", "CaesarInspection", "CaesarBenchmarks", "CaesarPlot", "CaesarLessons", "CaesarSetups",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests mirror the modules; CaesarTestSupport is what several of them share.
        .target(name: "CaesarTestSupport", path: "Tests/CaesarTestSupport"),
        .testTarget(
            name: "CaesarTextTests",
            dependencies: [
                "CaesarText", "CaesarTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "CaesarIOTests", dependencies: ["CaesarIO"]),
        .testTarget(name: "CaesarRandomTests", dependencies: ["CaesarRandom"]),
        .testTarget(name: "CaesarCipherTests", dependencies: ["CaesarCipher", "CaesarIO"]),
        .testTarget(name: "CaesarNeuralTests", dependencies: ["CaesarNeural"], exclude: ["Golden"]),
        .testTarget(name: "CaesarTrainingTests", dependencies: ["CaesarTraining", "CaesarTestSupport"]),
        .testTarget(name: "CaesarDecryptionTests", dependencies: ["CaesarDecryption", "CaesarTraining", "CaesarTestSupport"]),
        .testTarget(name: "CaesarLanguageTests", dependencies: ["CaesarLanguage", "CaesarText", "CaesarCipher", "CaesarNeural", "CaesarRandom", "CaesarTestSupport"]),
        .testTarget(name: "CaesarPlotTests", dependencies: ["CaesarPlot"]),
        .testTarget(name: "CaesarLessonsTests", dependencies: ["CaesarLessons"], exclude: ["golden"]),
        .testTarget(name: "CaesarSetupsTests", dependencies: ["CaesarSetups", "CaesarTestSupport"]),
        .testTarget(name: "CaesarFuzzingTests", dependencies: ["CaesarFuzzing"]),
        .testTarget(name: "CaesarInspectionTests", dependencies: ["CaesarInspection", "CaesarTraining", "CaesarDecryption"]),
        .testTarget(name: "CaesarBenchmarksTests", dependencies: ["CaesarBenchmarks", "CaesarNeural"]),
        .testTarget(name: "CaesarCLITests", dependencies: ["caesar", "CaesarBenchmarks", "CaesarIO", "CaesarNeural", "CaesarLanguage", "CaesarTraining", "CaesarTestSupport"], exclude: ["HelpSnapshots"]),
    ]
)
