import FolioCore
import FolioStore
import XCTest

@testable import FolioReader

/// The tag prompt and the detail pane with tags (issue 18) at the three reference sizes.
final class TagSnapshotTests: XCTestCase {
  let sizes = [(80, 24), (120, 40), (40, 10)]

  /// The sample library with the first paper of the day tagged twice and one more tag in
  /// the library, so the prompt has names to complete.
  func taggedLibrary() throws -> LibraryStore {
    let store = try makeLibrary()
    let harness = ReaderHarness(store: store)
    let id = try XCTUnwrap(harness.state.detail?.id)
    try store.setTagged(true, name: TagName("survey")!, ids: [id])
    try store.setTagged(true, name: TagName("read-this-week")!, ids: [id])
    let other = try XCTUnwrap(try store.papers().last?.id)
    try store.setTagged(true, name: TagName("surveillance")!, ids: [other])
    return store
  }

  func testTagPromptWithCompletions() throws {
    let store = try taggedLibrary()
    for (width, height) in sizes {
      var harness = ReaderHarness(store: store, width: width, height: height)
      harness.type("lsur")
      assertSnapshot(harness.grid, named: "tag-prompt-\(width)x\(height)")
    }
  }

  func testDetailPaneWithTags() throws {
    let store = try taggedLibrary()
    for (width, height) in sizes {
      let harness = ReaderHarness(store: store, width: width, height: height)
      assertSnapshot(harness.grid, named: "detail-tags-\(width)x\(height)")
    }
  }

  func testListWithTheTagsColumn() throws {
    let store = try taggedLibrary()
    let settings = ReaderSettings(
      listColumns: ["unread", "star", "tags", "topics"], libraryName: "test.sqlite")
    for (width, height) in sizes {
      let harness = ReaderHarness(store: store, width: width, height: height, settings: settings)
      assertSnapshot(harness.grid, named: "list-tags-column-\(width)x\(height)")
    }
  }
}
