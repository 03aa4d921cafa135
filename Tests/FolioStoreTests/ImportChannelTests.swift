import FolioCore
import XCTest

@testable import FolioStore

/// Imports read on one thread and store on another; what the importer says arrives whole and
/// in order, and either side's failure stops both.
final class ImportChannelTests: XCTestCase {
  func testEventsArriveInOrderAcrossBatches() throws {
    let count = ImportSession.batchSize * 5 + 17
    var received: [String] = []
    var skips = 0
    var progress: [Int] = []
    let read: (inout ImportSession) throws -> Void = { session in
      for n in 0..<count {
        if n % 100 == 0 { session.progress(bytesRead: n) }
        if n % 37 == 0 { session.skip(ImportError(file: "f", line: n, reason: "bad")) }
        try session.add(makePaper("Paper \(n)"))
      }
    }
    try ImportChannel.run(read) { events in
      for event in events {
        switch event {
        case .add(let paper): received.append(paper.title)
        case .update: XCTFail("no updates were sent")
        case .skip: skips += 1
        case .progress(let bytes): progress.append(bytes)
        }
      }
    }
    XCTAssertEqual(received, (0..<count).map { "Paper \($0)" })
    XCTAssertEqual(skips, (0..<count).filter { $0 % 37 == 0 }.count)
    XCTAssertEqual(progress, Array(stride(from: 0, to: count, by: 100)))
  }

  func testAWriterFailureStopsTheReaderAndIsRethrown() throws {
    struct DiskFull: Error {}
    var readerError: (any Error)?
    var papersRead = 0
    let read: (inout ImportSession) throws -> Void = { session in
      do {
        // An input that never ends: only the writer's failure stops it.
        while true {
          try session.add(makePaper("Paper \(papersRead)"))
          papersRead += 1
        }
      } catch {
        readerError = error
        throw error
      }
    }
    XCTAssertThrowsError(try ImportChannel.run(read) { _ in throw DiskFull() }) { error in
      XCTAssertTrue(error is DiskFull, "the writer's error, not the reader's: \(error)")
    }
    XCTAssertTrue(readerError is ImportChannel.WriterStopped)
    // The first batch failed; the reader can have filled the queue and one more batch.
    XCTAssertLessThanOrEqual(papersRead, ImportSession.batchSize * (ImportChannel.capacity + 2))
  }

  func testAReaderFailureIsRethrownAsItIs() throws {
    struct Malformed: Error, Equatable { let line: Int }
    var batches = 0
    let read: (inout ImportSession) throws -> Void = { session in
      for n in 0..<1000 { try session.add(makePaper("Paper \(n)")) }
      throw Malformed(line: 1001)
    }
    XCTAssertThrowsError(try ImportChannel.run(read) { _ in batches += 1 }) { error in
      XCTAssertEqual(error as? Malformed, Malformed(line: 1001))
    }
    XCTAssertEqual(batches, 1000 / ImportSession.batchSize, "the batches sent before the error")
  }

  func testAFailedLargeImportStoresNothing() throws {
    struct Truncated: Error {}
    let store = try LibraryStore.inMemory()
    try store.add([makePaper("Kept", arxivID: "2401.99999")])
    XCTAssertThrowsError(
      try store.importPapers(file: "big", format: "jsonl", source: "test") { session in
        for n in 0..<3000 {
          try session.add(makePaper("Paper \(n)", arxivID: String(format: "2402.%05d", n)))
        }
        throw Truncated()
      }
    ) { XCTAssertTrue($0 is Truncated) }
    XCTAssertEqual(try store.count(), 1)
    XCTAssertEqual(try store.importRunCount(), 1)
  }

  func testAnEmptyLibraryStillMergesCopiesWithinOneImport() throws {
    let titleOnly = makePaper("Omni-Scale Feature Learning for Person Re-Identification")
    let withID = makePaper(
      "Omni-scale feature learning for person re-identification", arxivID: "1905.00953")
    for order in [[titleOnly, withID], [withID, titleOnly], [withID, withID, titleOnly]] {
      let store = try LibraryStore.inMemory()
      let summary = try store.add(order)
      XCTAssertEqual(summary.new, 1)
      XCTAssertEqual(try store.count(), 1)
      XCTAssertEqual(try store.paper(id: "1905.00953")?.paper.arxivID, "1905.00953")
    }
  }
}

/// An import tells how far it has got, then that it is writing the index.
final class ImportProgressTests: XCTestCase {
  func testProgressCountsPapersThenTellsOfTheIndex() throws {
    let store = try LibraryStore.inMemory()
    var heard: [ImportProgress] = []
    let record: (ImportProgress) -> Void = { heard.append($0) }
    try store.importPapers(file: "many", format: "jsonl", source: "test", progress: record) {
      session in
      for n in 0..<2500 {
        try session.add(makePaper("Paper \(n)"))
        if n % 500 == 499 { session.progress(bytesRead: (n + 1) * 10) }
      }
    }
    let reading = heard.filter { $0.stage == .reading }
    XCTAssertEqual(reading.map(\.papers), [500, 1000, 1000, 1500, 2000, 2000, 2500])
    XCTAssertEqual(reading.last?.bytesRead, 25_000)
    XCTAssertEqual(heard.last?.stage, .indexing)
    XCTAssertEqual(heard.last?.papers, 2500)
    XCTAssertEqual(heard.filter { $0.stage == .indexing }.count, 1)
  }
}
