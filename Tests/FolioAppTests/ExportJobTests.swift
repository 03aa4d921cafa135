import FolioCore
import FolioQuery
import FolioStore
import Foundation
import XCTest

@testable import FolioApp

/// The reader's quick export and `folio export`'s shared job: which papers, in which format,
/// and a file that could not be written reported as such.
final class ExportJobTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-export-job-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func library() throws -> (LibraryStore, starred: String) {
    let store = try LibraryStore.inMemory()
    let day = Day("2026-11-27")!
    try store.importPapers(file: "t", format: "test", source: "t") { session in
      for title in ["Agents That Plan", "Unstarred Paper"] {
        try session.add(
          Paper.fromSource(title: title, abstract: "About agents.", day: day, source: "t")!)
      }
    }
    let starred = try XCTUnwrap(
      store.summaries(PaperFilter(), limit: 2, offset: 0).first { $0.title == "Agents That Plan" })
    try store.setStarred(true, ids: [starred.id])
    return (store, starred.id)
  }

  func testTheStarredPapersAreExportedInEachFormat() throws {
    let (store, id) = try library()
    let document = try ExportJob.starred(store: store, topics: .defaults)
    XCTAssertEqual(document.entries.map(\.paper.id), [id])
    let markdown = ExportJob.render(document, format: .markdown, grouping: .topic, abstracts: false)
    XCTAssertTrue(markdown.contains("Agents That Plan"), markdown)
    XCTAssertFalse(markdown.contains("Unstarred Paper"))
    let json = ExportJob.render(document, format: .json, grouping: .none, abstracts: false)
    XCTAssertTrue(json.hasPrefix("[") && json.hasSuffix("]\n"), json)
    XCTAssertTrue(
      ExportJob.render(document, format: .bibtex, grouping: .none, abstracts: false).contains("@"))
  }

  func testNothingStarredSaysSo() throws {
    let store = try LibraryStore.inMemory()
    let document = try ExportJob.starred(store: store, topics: .defaults)
    XCTAssertEqual(document.entries.count, 0)
    XCTAssertEqual(document.emptyMessage, "Nothing is starred yet.")
  }

  func testWritingReplacesTheFileAndAFailureSaysWhere() throws {
    let path = directory.appendingPathComponent("starred.md").path
    try ExportJob.write("first\n", to: path)
    try ExportJob.write("second\n", to: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second\n")
    XCTAssertThrowsError(try ExportJob.write("x", to: directory.path)) { error in
      let message = (error as? ExportJob.WriteFailure)?.message ?? ""
      XCTAssertTrue(message.hasPrefix("cannot write \(directory.path): "), message)
    }
  }
}
