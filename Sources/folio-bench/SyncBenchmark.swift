import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio-bench sync` (issue 21): another device's log of `--changes` changes read and applied
/// (the bar: 100,000 in at most 2 s), a star with and without sync's recording, and
/// reading a log with nothing new. On a synthetic library; the changes name its papers at
/// random (seeded), stars, read marks, tags and notes.
struct SyncBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Time applying another device's sync log, and a star's sync recording.")

  @Option(help: "Papers in the synthetic library.") var papers = 100_000
  @Option(help: "Library file to reuse or create (default: a temporary file).") var library: String?
  @Option(help: "Changes in the other device's log.") var changes = 100_000
  @Option(help: "Stars timed.") var stars = 200

  func run() throws {
    let path =
      library
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-bench-sync-\(papers).sqlite").path
    if !FileManager.default.fileExists(atPath: path) {
      let seconds = try SyntheticLibrary(count: papers, seed: 1).write(to: path)
      print("built \(papers) papers in \(format(seconds, digits: 1)) s at \(path)")
    }
    // A library from before sync is migrated here: its state becomes its first changes.
    var opened: LibraryStore?
    let opening = try measure { opened = try LibraryStore.open(at: path) }
    let store = try unwrapped(opened)
    print("opened in \(format(opening, digits: 2)) s (a migration to v14-sync included, if due)")
    let sample = try store.papers(limit: min(papers, 20_000))
    print("library: \(try store.count()) papers; \(try store.syncChangeCount()) changes logged")

    // Another device's log, as bytes in its file.
    var random = SplitMix64(seed: 21)
    let device = DeviceID.make(using: &random)
    var clock = HybridClock.start(device: device)
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    var text = ""
    for index in 0..<changes {
      let paper = sample[Int(random.next() % UInt64(sample.count))].paper
      clock = clock.next(now: now + Int64(index / 10))
      let on = random.next() % 2 == 0
      let edit: SyncEdit =
        switch random.next() % 4 {
        case 0: .starred(on)
        case 1: .read(on)
        case 2: .tag(TagName("bench-\(random.next() % 20)")!, on)
        default: .note(on ? "note \(index)" : nil)
        }
      text += SyncLogCodec.encode(
        SyncChange(
          clock: clock, paper: SyncPaperKey(arxivID: paper.arxivID, titleKey: paper.titleKey),
          edit: edit))
    }
    let bytes = Array(text.utf8)
    print("log: \(changes) changes, \(bytes.count / 1024) KiB")

    var batch: SyncLogCodec.Batch?
    let decode = try measure { batch = try SyncLogCodec.decode(bytes, file: "bench.jsonl") }
    var result = SyncApplyResult()
    let position = SyncPeerPosition(
      device: device, file: "bench", offset: Int64(bytes.count), line: changes)
    let apply = try measure {
      result = try store.applySyncChanges(batch?.changes ?? [], advancing: position)
    }
    print(
      "read \(format(decode, digits: 2)) s + apply \(format(apply, digits: 2)) s = "
        + "\(format(decode + apply, digits: 2)) s (\(result.applied) applied, "
        + "\(result.superseded) superseded, \(result.waiting) waiting)")
    let again = try measure { result = try store.applySyncChanges(batch?.changes ?? []) }
    print("the same log again: \(format(again, digits: 2)) s (\(result.applied) applied)")

    // A sync with nothing new: this device's unwritten changes and one peer's position.
    let quiet = Statistics(
      try (0..<20).map { _ in
        try measure {
          _ = try store.unwrittenSyncChanges(limit: 1)
          _ = try store.syncPeerPosition(device: device)
        } * 1000
      })
    print("nothing new (store side): p50 \(format(quiet.median, digits: 2)) ms")

    // A star now records a change with it, in the same durable commit.
    let id = sample[0].id
    let starring = Statistics(
      try (0..<stars).map { index in
        try measure { try store.setStarred(index % 2 == 0, ids: [id]) } * 1000
      })
    print(
      "star (with its sync record): p50 \(format(starring.median, digits: 2)) ms, "
        + "p95 \(format(starring.p95, digits: 2)) ms")

    // Mark-all-read records a change per paper it marks; its undo one per paper it unmarks.
    let time = Date()
    var marked = 0
    let marking = try measure { marked = try store.markAllRead(.all, at: time) }
    var unmarked = 0
    let unmarking = try measure { unmarked = try store.unmarkRead(at: time) }
    print(
      "mark all read: \(marked) papers in \(format(marking, digits: 2)) s; its undo: "
        + "\(unmarked) in \(format(unmarking, digits: 2)) s")
  }

  private func unwrapped(_ store: LibraryStore?) throws -> LibraryStore {
    guard let store else { throw BenchError("the library did not open") }
    return store
  }
}
