import Foundation
import XCTest

/// Issue 17, a real package. Building and installing the package takes a static release build
/// (minutes), so that is scripts/test-package, a step of its own in .ci/run; these check the
/// wiring that keeps it true.
final class PackagingTests: XCTestCase {
  static let root = InstallAndDocsTests.root

  /// What `make -n ARGUMENTS` would run.
  func dryRun(_ arguments: [String]) throws -> String {
    let result = try FolioRunner.execute(
      ["/usr/bin/env", "make", "-n", "--no-print-directory", "-C", Self.root.path] + arguments,
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    XCTAssertEqual(result.status, 0, result.stderr)
    return result.stdout
  }

  func text(_ path: String) throws -> String {
    try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
  }

  func testReleaseBuildsCarryTheSwiftRuntimeAndMakeDebBuildsThePackage() throws {
    let release = " build -c release --static-swift-stdlib --disable-local-rpath --product folio\n"
    XCTAssertTrue(
      try dryRun(["build"]).hasSuffix(release),
      "make install's release binary must not load the runtime from the toolchain")
    XCTAssertFalse(try dryRun(["build", "CONFIGURATION=debug"]).contains("--static-swift-stdlib"))
    XCTAssertEqual(try dryRun(["deb"]), "scripts/package\n")
    // The benchmark measures the binary that ships, and reuses its build in CI.
    XCTAssertTrue(try text("scripts/bench-smoke").contains("swift" + release))
    let ci = try text(".ci/run").split(separator: "\n")
    XCTAssertEqual(
      ci.firstIndex(of: "scripts/test-package").map { $0 + 1 },
      ci.firstIndex(of: "scripts/bench-smoke"), "CI installs the package, then benchmarks")
  }

  func testTheReadmeShowsBothWaysToInstallAndThePackageClaimsOnlyLinux() throws {
    let readme = try text("README.md")
    let install = readme.components(separatedBy: "## Installing\n")[1]
      .components(separatedBy: "\n## ")[0]
    for line in [
      "Folio runs on Linux only", "make install PREFIX=~/.local", "make deb",
      "sudo apt-get install ./.build/deb/folio_*.deb",
    ] {
      XCTAssertTrue(install.contains(line), line)
    }
    XCTAssertFalse(
      try text("Package.swift").contains("platforms:"), "no platform Folio is not tested on")
    XCTAssertTrue(try text("Sources/FolioCore/Platform.swift").contains("#if !os(Linux)"))
  }
}
