import FolioCore
import Foundation
import GRDB

extension LibraryStore {
  /// Imports one file's papers in a single transaction: all of them or, if `produce` or the
  /// database throws, none.
  ///
  /// `produce` feeds papers to the session (see ``FolioCore/PaperSink``); it runs on a thread
  /// of its own, while this one stores what it has read so far. Each paper is merged with
  /// what the library already has (see ``FolioCore/Paper/merging(_:)``): found by arXiv id,
  /// else by title key when authors and abstract agree (see ``FolioCore/PaperIdentity``), so a
  /// title first seen without an arXiv id is upgraded in place when one arrives, keeping its
  /// read/starred state and note. Papers dated outside ``FolioCore/Day/supported`` are
  /// skipped and counted. The run is recorded in `import_run`. `progress` hears how far the
  /// import is, every so often.
  ///
  /// Errors from `produce` are rethrown as they are; database failures become ``StoreError``.
  @discardableResult
  public func importPapers(
    file: String, format: String, source: String,
    progress: ((ImportProgress) -> Void)? = nil,
    _ produce: (inout ImportSession) throws -> Void
  ) throws -> ImportSummary {
    if isReadOnly { throw StoreError.readOnly(path: path) }
    let started = Date()
    do {
      return try retryingWhileBusy {
        try writer.write { db in
          // A large import touches far more index pages than the default 2 MB cache holds;
          // spilling them to the WAL mid-transaction costs more than the memory.
          try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
          defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
          var merger = try ImportMerger(db: db, now: started)
          var tally = ImportProgressTally(onProgress: progress)
          try ImportChannel.run(produce) { events in
            for event in events {
              switch event {
              case .add(let paper): try merger.add(paper)
              case .update(let paper): try merger.add(paper, onlyIfKnown: true)
              case .skip: merger.summary.skipped += 1
              case .progress(let bytesRead):
                tally.read(bytesRead)
                continue
              }
              tally.counted()
            }
          }
          tally.indexing()
          try merger.finish()
          // Changes from other devices that waited for one of these papers.
          try Self.applyWaitingSyncChanges(db)
          let summary = merger.summary
          try db.execute(
            sql: """
              INSERT INTO import_run (file, format, source, started_at, finished_at, new_count,
                updated_count, unchanged_count, skipped_count)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              file, format, source, started, Date(), summary.new, summary.updated,
              summary.unchanged, summary.skipped,
            ])
          return summary
        }
      }
    } catch let error as DatabaseError {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// The page cache of the connection doing an import, in KiB.
  static let importCacheKiB = 64 * 1024

  /// The number of import runs recorded; zero for a library that never imported anything.
  public func importRunCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0 }
  }
}
