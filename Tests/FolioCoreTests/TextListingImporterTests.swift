import XCTest

@testable import FolioCore

final class TextListingImporterTests: XCTestCase {
  let day = Day("2026-11-27")!

  func read(_ bytes: some Collection<UInt8>, file: String = "test.txt") throws -> [Paper] {
    var papers: [Paper] = []
    try TextListingImporter().read(
      bytes, context: ImportContext(file: file, day: day, source: "text")
    ) { papers.append($0) }
    return papers
  }

  func read(_ text: String) throws -> [Paper] { try read(Array(text.utf8)) }

  func testSampleHas284PapersWithExactFirstAndLastTitles() throws {
    let papers = try read(Repository.sampleBytes())
    XCTAssertEqual(papers.count, 284)
    XCTAssertEqual(
      papers.first?.title,
      "Need is All You Need: Homeostatic Neural Networks Adapt to Concept Shift")
    XCTAssertEqual(
      papers.last?.title, "A Critical Review of Recurrent Neural Networks for Sequence Learning")
    XCTAssertTrue(papers.last!.abstract.hasPrefix("Countless learning tasks require"))
    XCTAssertEqual(Set(papers.map(\.id)).count, 284, "ids are unique")
    XCTAssertFalse(papers.contains { $0.title.hasPrefix("Get trending") })
  }

  func testSampleIDsDoNotDependOnOrder() throws {
    let bytes = try Repository.sampleBytes()
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = Array(lines.prefix(2))
    lines.removeFirst(2)
    var pairs = stride(from: 0, to: lines.count, by: 2).map { [lines[$0], lines[$0 + 1]] }
    pairs[0][0] = String(pairs[0][0].dropFirst("Subscribe".count))
    pairs.reverse()
    pairs[0][0] = "Subscribe" + pairs[0][0]
    let reordered = (header + pairs.flatMap { $0 }).joined(separator: "\n")

    let original = try read(bytes)
    let shuffled = try read(reordered)
    XCTAssertEqual(
      Dictionary(uniqueKeysWithValues: original.map { ($0.title, $0.id) }),
      Dictionary(uniqueKeysWithValues: shuffled.map { ($0.title, $0.id) }))
  }

  func testSampleLinksAreExtractedFromAbstracts() throws {
    let papers = try read(Repository.sampleBytes())
    let reid = try XCTUnwrap(papers.first { $0.title.hasPrefix("Omni-Scale Feature Learning") })
    XCTAssertEqual(reid.links.github, "https://github.com/KaiyangZhou/deep-person-reid")
    XCTAssertGreaterThan(papers.filter { $0.links.github != nil }.count, 50)
  }

  func testButtonPrefixIsStrippedOnlyWhenGlued() throws {
    XCTAssertEqual(try read("SubscribeDeep Nets\nAbstract.").first?.title, "Deep Nets")
    XCTAssertEqual(try read("Subscribers Matter\nAbstract.").first?.title, "Subscribers Matter")
  }

  func testPlainFileWithoutHeaderAndWithBlankLinesAndCRLF() throws {
    let papers = try read("First\r\nAbstract one.\r\n\r\nSecond\r\nAbstract two.\r\n")
    XCTAssertEqual(papers.map(\.title), ["First", "Second"])
    XCTAssertEqual(papers.map(\.abstract), ["Abstract one.", "Abstract two."])
    XCTAssertEqual(papers.map(\.day), [day, day])
  }

  func testUnpairedLastTitleNamesItsLine() {
    XCTAssertThrowsError(try read("A\nabstract\nB\nabstract\nC\n")) { error in
      let error = error as! ImportError
      XCTAssertEqual(error.file, "test.txt")
      XCTAssertEqual(error.line, 5)
      XCTAssertTrue(
        error.description.hasPrefix("test.txt:5: title without an abstract"), error.description)
    }
  }

  func testHeaderOnlyFileIsEmpty() {
    XCTAssertThrowsError(try read("Get trending papers in your email inbox!\n")) { error in
      XCTAssertEqual((error as! ImportError).description, "test.txt:1: empty file: no papers in it")
    }
  }

  func testDetectorRejectsEmptyAndBinaryFiles() {
    XCTAssertThrowsError(try FormatDetector.detect([UInt8](), file: "e.txt")) { error in
      XCTAssertEqual((error as! ImportError).description, "e.txt:1: empty file: no papers in it")
    }
    XCTAssertThrowsError(try FormatDetector.detect(Array("ok\nline\n\u{0}x".utf8), file: "b.bin")) {
      error in
      XCTAssertEqual((error as! ImportError).line, 3)
    }
    XCTAssertThrowsError(try FormatDetector.detect([UInt8](repeating: 1, count: 100), file: "c"))
    XCTAssertEqual(try FormatDetector.detect(Array("Title\nAbstract\n".utf8), file: "t"), .text)
  }

  func testBundledSampleIsTheShippedFileByteForByte() throws {
    XCTAssertEqual(BundledSample.bytes, try Repository.sampleBytes())
  }
}
