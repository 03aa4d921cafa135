import FolioConfig
import FolioCore
import FolioQuery
import FolioReader
import XCTest

@testable import FolioApp

/// The reader's settings made from config.toml, the environment and the library.
final class ReaderStartupTests: XCTestCase {
  func loaded(_ change: (inout Config) -> Void = { _ in }, warnings: [String] = [])
    -> ReaderConfiguration
  {
    var config = Config()
    change(&config)
    return ReaderConfiguration(
      config: config, configPath: "/home/ada/.config/folio/config.toml", topics: TopicSet([]),
      themes: ThemeCatalog.loading(), theme: .standard, keymap: .standard, warnings: warnings)
  }

  func testConfigBecomesSettings() {
    let startup = ReaderStartup(
      loaded {
        $0.markRead = .never
        $0.defaultView = .topic("Agents")
        $0.mouse = false
        $0.forYouDays = 3
      }, libraryPath: "/data/papers.sqlite", isReadOnly: false,
      environment: ["HOME": "/home/ada"], logPath: "/log")
    XCTAssertNil(startup.settings.markReadAfter)
    XCTAssertFalse(startup.settings.markReadOnOpen)
    XCTAssertEqual(startup.settings.startQuery, "topic:\"Agents\"")
    XCTAssertTrue(startup.settings.startWithAllDays)
    XCTAssertEqual(startup.settings.forYouDays, 3)
    XCTAssertEqual(startup.settings.libraryName, "papers.sqlite")
    XCTAssertEqual(startup.settings.home, "/home/ada")
    XCTAssertEqual(startup.settings.pdfCacheDirectory, "/home/ada/.cache/folio/pdf")
    XCTAssertFalse(startup.mouse)
    XCTAssertTrue(startup.color)
    XCTAssertNil(startup.greeting)
  }

  func testMarkReadAfterSecondsAndFlags() {
    let startup = ReaderStartup(
      loaded { $0.markRead = .after(5) }, libraryPath: "f.sqlite", isReadOnly: false,
      noMouse: true, environment: ["NO_COLOR": "1"], logPath: "/log")
    XCTAssertEqual(startup.settings.markReadAfter, 5)
    XCTAssertTrue(startup.settings.markReadOnOpen)
    XCTAssertFalse(startup.settings.startWithAllDays)
    XCTAssertTrue(startup.settings.noColor)
    XCTAssertFalse(startup.mouse, "--no-mouse wins over config.toml")
    XCTAssertFalse(startup.color)
  }

  func testTheFirstProblemOutranksReadOnlyWhichOutranksTheGreeting() {
    let greeting = "j/k move — new library"
    XCTAssertEqual(
      ReaderStartup(
        loaded(), libraryPath: "f", isReadOnly: false, firstRunGreeting: greeting,
        environment: [:], logPath: "/log"
      ).greeting, StatusMessage(greeting))
    XCTAssertEqual(
      ReaderStartup(
        loaded(), libraryPath: "f", isReadOnly: true, firstRunGreeting: greeting,
        environment: [:], logPath: "/log"
      ).greeting,
      StatusMessage("the library is read-only: changes are disabled", isError: true))
    XCTAssertEqual(
      ReaderStartup(
        loaded(warnings: ["config.toml:3: bad", "config.toml:4: worse"]), libraryPath: "f",
        isReadOnly: true, environment: [:], logPath: "/state/folio.log"
      ).greeting,
      StatusMessage("config.toml:3: bad (+1 more in /state/folio.log)", isError: true))
  }
}
