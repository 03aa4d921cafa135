import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The detail pane of a paper Hugging Face described (issue 18): its AI summary, said to be
/// theirs, the GitHub stars next to the code link, the organisation, a withdrawn mark and the
/// Hugging Face page among the links.
final class HuggingFaceDetailTests: XCTestCase {
  func makeHFLibrary() throws -> LibraryStore {
    let store = try LibraryStore.inMemory()
    let paper = Paper.fromSource(
      title: "SciCode: A Research Coding Benchmark Curated by Scientists",
      abstract:
        "Since language models now outperform average humans on many tasks, it has become hard to find evaluations that are both realistic and challenging.",
      authors: ["Ada Lovelace", "Zoë Müller"], arxivID: "2407.13168", day: sampleDay, source: "hf",
      links: PaperLinks(
        github: "https://github.com/scicode-bench/SciCode",
        hf: "https://huggingface.co/papers/2407.13168"),
      upvotes: 14, categories: ["cs.LG", "cs.CL"], commentCount: 3,
      keywords: ["code generation", "benchmark"],
      huggingFace: HuggingFaceDetails(
        summary: "SciCode tests language models on 338 coding problems drawn from real research.",
        githubStars: 80,
        organization: PaperOrganization(name: "scicode", fullName: "SciCode Bench"),
        submittedBy: "akhaliq", isWithdrawn: true))!
    try store.importPapers(file: "hf", format: "test", source: "hf") { session in
      try session.add(paper)
    }
    return store
  }

  func testDetailPaneSnapshots() throws {
    let store = try makeHFLibrary()
    for (width, height) in [(80, 24), (120, 40), (40, 10)] {
      let harness = ReaderHarness(store: store, width: width, height: height)
      assertSnapshot(harness.grid, named: "hf-detail-\(width)x\(height)")
    }
  }

  func testDocumentLinesCarryTheFields() throws {
    let entry = try XCTUnwrap(try makeHFLibrary().paper(id: "2407.13168"))
    let text = DetailDocument(entry, width: 100).lines.map { $0.map(\.text).joined() }
    XCTAssertTrue(
      text.contains { $0.hasPrefix("Summary  Hugging Face AI: SciCode tests") }, "\(text)")
    XCTAssertTrue(
      text.contains { $0.contains("code    https://github.com/scicode-bench/SciCode ★ 80") })
    XCTAssertTrue(text.contains { $0.contains("hf      https://huggingface.co/papers/2407.13168") })
    XCTAssertTrue(text.contains("Org      SciCode Bench"))
    XCTAssertTrue(text.contains { $0.hasPrefix("State    withdrawn · unread") }, "\(text)")
  }

  func testStarsGetALineOfTheirOwnWhenTheLinkFillsTheWidth() throws {
    let entry = try XCTUnwrap(try makeHFLibrary().paper(id: "2407.13168"))
    // 9 (label) + 8 (link name) + 40 fits the URL but not " ★ 80" after it.
    let text = DetailDocument(entry, width: 57).lines.map { $0.map(\.text).joined() }
    let code = try XCTUnwrap(text.firstIndex { $0.contains("github.com") })
    XCTAssertFalse(text[code].contains("★"))
    XCTAssertEqual(text[code + 1].trimmingCharacters(in: .whitespaces), "★ 80")
  }
}
