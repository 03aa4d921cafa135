import GRDB

/// What an existing SQLite file says about itself: whether it is a Folio library, and of
/// which schema. Read before anything is written to the file.
struct LibraryIdentity {
  let applicationID: Int32
  let tableCount: Int
  /// The file holds migrations this Folio does not know: a newer Folio wrote it.
  let isSuperseded: Bool
  /// Every migration this Folio knows has been applied.
  let isComplete: Bool

  init(_ db: Database) throws {
    let migrator = Schema.migrator
    applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    tableCount =
      try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
    isSuperseded = try migrator.hasBeenSuperseded(db)
    isComplete = try migrator.hasCompletedMigrations(db)
  }

  /// Throws unless a Folio this version can open wrote the file (or it is empty).
  func check(path: String) throws(StoreError) {
    if applicationID != Schema.applicationID && tableCount > 0 {
      throw .notALibrary(path: path, reason: "an SQLite database of another program")
    }
    if isSuperseded { throw .newerSchema(path: path) }
  }
}
