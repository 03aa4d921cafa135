import FolioCore
import Foundation
import XCTest

@testable import FolioStore

let testDay = Day("2026-11-27")!

func makePaper(
  _ title: String, abstract: String = "An abstract.", arxivID: String? = nil, day: Day = testDay,
  source: String = "text", upvotes: Int? = nil
) -> Paper {
  Paper.fromSource(
    title: title, abstract: abstract, arxivID: arxivID, day: day, source: source, upvotes: upvotes)!
}

extension LibraryStore {
  @discardableResult
  func add(_ papers: [Paper], file: String = "test.txt") throws -> ImportSummary {
    try importPapers(file: file, format: "text", source: "text") { session in
      for paper in papers { try session.add(paper) }
    }
  }
}

/// A fresh directory under the temporary directory, removed when the test ends.
func temporaryDirectory(_ testCase: XCTestCase) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("folio-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  testCase.addTeardownBlock {
    _ = try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    try? FileManager.default.removeItem(at: url)
  }
  return url
}
