import FolioConfig
import XCTest

@testable import FolioApp

/// The fetcher's configuration: base URLs from config.toml and the environment.
final class FetcherTests: XCTestCase {
  func testTheEnvironmentOverridesTheConfiguredBaseURLsWithoutTrailingSlashes() {
    var config = Config()
    config.hfBaseURL = "https://hf.example//"
    let fetcher = Fetcher(
      config: config, version: "0.0.0", environment: ["FOLIO_ARXIV_URL": "http://127.0.0.1:9/"])
    XCTAssertEqual(fetcher.hfBase, "https://hf.example")
    XCTAssertEqual(fetcher.arxivBase, "http://127.0.0.1:9")
  }

  func testTheBodyCapComesFromTheConfigUnlessTheEnvironmentSetsIt() {
    var config = Config()
    config.httpMaxMB = 2
    XCTAssertEqual(
      Fetcher(config: config, version: "0", environment: [:]).client.limits.maxBodyBytes, 2 << 20)
    XCTAssertEqual(
      Fetcher(config: config, version: "0", environment: ["FOLIO_HTTP_MAX_MB": "3"]).client.limits
        .maxBodyBytes, 3 << 20)
  }
}
