// swift-tools-version: 6.0
import PackageDescription

// Linux only (README.md, Installing): signals, errno and the terminal use Glibc and the system's
// ncursesw, and nothing is tested elsewhere, so no other platform is claimed;
// Sources/FolioCore/Platform.swift stops a build anywhere else with one clear line.
let package = Package(
  name: "Folio",
  products: [
    .executable(name: "folio", targets: ["folio"]),
    .executable(name: "folio-bench", targets: ["folio-bench"]),
    .executable(name: "folio-fuzz", targets: ["folio-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    // Test-only: a Markdown parser to check that exported Markdown renders as its text says.
    .package(url: "https://github.com/JohnSundell/Ink", exact: "0.6.0"),
  ],
  targets: [
    // The system's wide-character ncurses. Only FolioTerminal imports it. No pkgConfig:
    // SwiftPM would drop its -D flags with a warning; the shim header defines them itself.
    .systemLibrary(
      name: "CNCursesW",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The system's libcurl, for HTTP with limits enforced while a transfer runs. Only FolioApp
    // imports it.
    .systemLibrary(
      name: "CCurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    // Models, text cleaning, display width, importers and exporters. No I/O beyond files.
    .target(
      name: "FolioCore",
      exclude: ["Resources/daily-papers-sample.txt"]
    ),
    // The SQLite library: schema, migrations, merging imports, per-paper state.
    .target(
      name: "FolioStore",
      dependencies: [
        "FolioCore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // The filter engine: the query language, its compiler to SQL/FTS5, topics, similarity.
    .target(
      name: "FolioQuery",
      dependencies: [
        "FolioCore",
        "FolioStore",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    // The user's config.toml: reading it with warnings, and changing one key in place.
    .target(
      name: "FolioConfig",
      dependencies: ["FolioCore", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    // The reader as a pure state machine and render model: events in, effects and cells out.
    .target(
      name: "FolioReader",
      dependencies: ["FolioCore", "FolioStore", "FolioQuery"]
    ),
    // The thin terminal layer: paints cell grids with ncurses, turns keys, mouse and resizes
    // into reader events.
    .target(
      name: "FolioTerminal",
      dependencies: ["CNCursesW", "FolioReader"]
    ),
    // The app around the reader: HTTP with Folio's caps and retry etiquette, fetching the
    // daily sources, the reader's background fetch, counts and library writer, exports, the
    // browser and the clipboard, and the reader's settings.
    .target(
      name: "FolioApp",
      dependencies: [
        "CCurl", "FolioCore", "FolioStore", "FolioQuery", "FolioConfig", "FolioReader",
      ]
    ),
    // The `folio` command line.
    .executableTarget(
      name: "folio",
      dependencies: [
        "FolioApp",
        "FolioCore",
        "FolioStore",
        "FolioQuery",
        "FolioConfig",
        "FolioReader",
        "FolioTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The for-you model's offline evaluation: simulated readers over the bundled sample, the
    // baselines it must beat (arxiv-sanity-lite's TF-IDF + linear SVM among them), the metrics.
    .target(
      name: "FolioEvaluation",
      dependencies: ["FolioCore", "FolioStore", "FolioQuery"]
    ),
    // Measurements, printed as tables: `swift run -c release folio-bench --help`.
    .executableTarget(
      name: "folio-bench",
      dependencies: [
        "FolioCore",
        "FolioStore",
        "FolioQuery",
        "FolioReader",
        "FolioEvaluation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The fuzz targets: the promises each importer, the query language and HTTP answer handling
    // keep on any input.
    .target(
      name: "FolioFuzzing",
      dependencies: ["FolioCore", "FolioStore", "FolioQuery", "FolioApp"]
    ),
    // Runs a fuzz target under libFuzzer (scripts/fuzz builds it with -sanitize=fuzzer), or
    // replays input files through it in a plain build.
    .executableTarget(name: "folio-fuzz", dependencies: ["FolioFuzzing"]),
    .testTarget(
      name: "FolioCoreTests",
      dependencies: ["FolioCore", .product(name: "Ink", package: "Ink")],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(name: "FolioStoreTests", dependencies: ["FolioCore", "FolioStore"]),
    .testTarget(name: "FolioQueryTests", dependencies: ["FolioCore", "FolioStore", "FolioQuery"]),
    .testTarget(name: "FolioConfigTests", dependencies: ["FolioConfig"]),
    .testTarget(
      name: "FolioEvaluationTests",
      dependencies: ["FolioCore", "FolioStore", "FolioEvaluation"]
    ),
    // Test helpers shared by test targets (a loopback HTTP server); never shipped.
    .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),
    .testTarget(
      name: "FolioAppTests",
      dependencies: [
        "FolioTestSupport",
        "FolioApp", "FolioCore", "FolioConfig", "FolioQuery", "FolioReader", "FolioStore",
      ]
    ),
    .testTarget(
      name: "FolioReaderTests",
      dependencies: ["FolioCore", "FolioStore", "FolioReader"],
      exclude: ["Snapshots"]
    ),
    .testTarget(name: "FolioTerminalTests", dependencies: ["FolioTerminal"]),
    .testTarget(name: "FolioFuzzTests", dependencies: ["FolioFuzzing"], exclude: ["Corpus"]),
    .testTarget(
      name: "FolioEndToEndTests",
      dependencies: [
        "FolioTestSupport",
        "FolioCore",
        "FolioStore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
  ]
)
