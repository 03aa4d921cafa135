import FolioCore
import Foundation
import GRDB
import XCTest

@testable import FolioStore

/// Three libraries changed at random through the store's own API and exchanging their logs in
/// random order and amounts end with the same state, and it is the state FolioCore's
/// `SyncReplica` model computes from all the logs (what the clocks say).
final class SyncStorePropertyTests: XCTestCase {
  let papers = [
    makePaper("Attention Is All You Need", arxivID: "1706.03762"),
    makePaper("Deep Residual Learning", arxivID: "1512.03385"),
    makePaper("A Paper Without An Identifier"),
  ]
  let tags = ["llm", "LLM", "survey/rl"].map { TagName($0)! }

  struct Seen: Hashable {
    var starred: Bool, read: Bool, dismissed: Bool, note: String?, tags: Set<String>
    var viewed = false, opened = false
  }

  func state(_ store: LibraryStore) throws -> [String: Seen] {
    var out: [String: Seen] = [:]
    for paper in papers {
      let state = try XCTUnwrap(try store.paper(id: paper.id)).state
      var seen = Seen(
        starred: state.isStarred, read: state.isRead, dismissed: state.isDismissed,
        note: state.note, tags: Set(state.tags.map(TagName.key)))
      // The for-you signals are not in LibraryPaper's state: read from their columns.
      let signals = try store.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT s.viewed_at IS NOT NULL, s.opened_at IS NOT NULL FROM paper_state s
            JOIN paper p ON p.seq = s.paper_seq WHERE p.id = ?
            """, arguments: [paper.id])
      }
      seen.viewed = signals?[0] ?? false
      seen.opened = signals?[1] ?? false
      out[paper.id] = seen
    }
    return out
  }

  func expected(_ changes: [SyncChange]) -> [String: Seen] {
    var model = SyncReplica(device: "0000000000000000")
    model.receive(changes)
    var out: [String: Seen] = [:]
    for paper in papers {
      let key = SyncPaperKey(
        arxivID: paper.arxivID, titleKey: paper.titleKey)
      let state = model.papers[key.identity] ?? SyncReplica.PaperState()
      out[paper.id] = Seen(
        starred: state.starred, read: state.read, dismissed: state.dismissed, note: state.note,
        tags: Set(state.tags.keys), viewed: state.viewed, opened: state.opened)
    }
    return out
  }

  func testRandomChangesAndExchangesConverge() throws {
    for seed in 0..<12 as Range<UInt64> {
      var generator = SplitMix64(seed: seed)
      let stores = try (0..<3).map { _ in
        let store = try LibraryStore.inMemory()
        try store.add(papers)
        return store
      }
      // Each device's log file as the others read it, and how far each has read each.
      var files: [[SyncChange]] = [[], [], []]
      var offsets = Array(repeating: Array(repeating: 0, count: 3), count: 3)
      func writeOut(_ j: Int) throws {
        let box = try stores[j].unwrittenSyncChanges()
        files[j] += try SyncLogCodec.decode(Array(box.lines.joined().utf8), file: "log").changes
        try stores[j].markSyncChangesWritten(through: box.through)
      }
      for _ in 0..<Int.random(in: 10...60, using: &generator) {
        let i = Int.random(in: 0..<3, using: &generator)
        let store = stores[i]
        let id = papers.randomElement(using: &generator)!.id
        let on = Bool.random(using: &generator)
        switch Int.random(in: 0..<11, using: &generator) {
        case 0: try store.setStarred(on, ids: [id])
        case 1: try store.setRead(on, ids: [id])
        case 2: try store.setDismissed(on, ids: [id])
        case 3:
          try store.setNote(on ? "note \(Int.random(in: 0..<3, using: &generator))" : nil, id: id)
        case 4: try store.setTagged(on, name: tags.randomElement(using: &generator)!, ids: [id])
        case 5: _ = try store.markAllRead(PaperFilter.all)
        case 6: try writeOut(i)
        case 7: try store.recordSignal(.viewed, ids: [id], at: Date())
        case 8: try store.recordSignal(.opened, ids: [id], at: Date())
        default:
          let j = (i + Int.random(in: 1...2, using: &generator)) % 3
          let upTo = Int.random(in: offsets[i][j]...files[j].count, using: &generator)
          try store.applySyncChanges(Array(files[j][offsets[i][j]..<upTo]))
          offsets[i][j] = upTo
        }
      }
      for j in 0..<3 { try writeOut(j) }
      for i in 0..<3 {
        for j in 0..<3 where j != i {
          try stores[i].applySyncChanges(Array(files[j][offsets[i][j]...]))
        }
      }
      let want = expected(files.flatMap { $0 })
      for store in stores {
        XCTAssertEqual(try state(store), want, "seed \(seed)")
        XCTAssertEqual(try store.unwrittenSyncChanges().lines, [], "seed \(seed)")
      }
    }
  }
}
