import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// The user's library: papers, their read/starred state and notes, and the import history,
/// in one SQLite file.
///
/// Every change is its own transaction, committed with `synchronous = FULL` in WAL mode, so a
/// change the caller was told about survives a crash, `kill -9` or power loss. Several
/// processes (a running reader and CLI commands) can share the file: writers wait up to
/// ``busyTimeout`` for each other.
public final class LibraryStore: Sendable {
  /// The library file's path (`:memory:` for an in-memory library).
  public let path: String
  /// True when the file can only be read; every change then throws ``StoreError/readOnly(path:)``.
  public let isReadOnly: Bool
  let writer: any DatabaseWriter
  /// This library's ``busyTimeout`` and ``writeWaitLimit``.
  let waiting: (busyTimeout: TimeInterval, writeWaitLimit: TimeInterval)
  /// The for-you model last read from this library, decoded (LibraryStore+ForYouModel).
  let forYouCache = ForYouModelCache()
  /// The file this store holds, counted in ``OpenLibraries`` while it lives.
  private let openFile: OpenLibraries.FileID?

  /// How long one attempt at a write waits for another process's write (SQLite's busy
  /// timeout).
  public static let busyTimeout: TimeInterval = 10
  /// How long a change keeps trying, in attempts of ``busyTimeout``, before it reports the
  /// library busy. An import holds the library for its whole transaction (all of a file or
  /// none), which for a large file is longer than one attempt.
  public static let writeWaitLimit: TimeInterval = 300

  private init(
    path: String, writer: any DatabaseWriter, isReadOnly: Bool,
    waiting: (busyTimeout: TimeInterval, writeWaitLimit: TimeInterval) = (
      busyTimeout, writeWaitLimit
    )
  ) {
    self.path = path
    self.writer = writer
    self.isReadOnly = isReadOnly
    self.waiting = waiting
    openFile = OpenLibraries.retain(path)
  }

  deinit {
    if let openFile { OpenLibraries.release(openFile) }
  }

  /// Opens the library at `path`, creating it (and its directory, mode 0700) when missing.
  ///
  /// A file that cannot be written is opened read-only. Nothing that is not already a Folio
  /// library is ever written to: a foreign or damaged file, or one from a newer Folio, throws
  /// a ``StoreError`` and is left as it was.
  ///
  /// `busyTimeout` and `writeWaitLimit` override ``busyTimeout`` and ``writeWaitLimit``
  /// (tests shorten them).
  public static func open(
    at path: String, busyTimeout: TimeInterval = busyTimeout,
    writeWaitLimit: TimeInterval = writeWaitLimit
  ) throws(StoreError) -> LibraryStore {
    try LibraryLocation.check(path)
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists && isDirectory.boolValue {
      throw .notALibrary(path: path, reason: "it is a directory")
    }
    if exists && !OpenLibraries.isOpen(path) {
      try checkHeader(path)
    } else {
      try createDirectory(for: path)
    }
    let directory = (path as NSString).deletingLastPathComponent
    let directoryWritable = fileManager.isWritableFile(atPath: directory.isEmpty ? "." : directory)
    let readOnly = exists && (!fileManager.isWritableFile(atPath: path) || !directoryWritable)
    // SQLite cannot read a WAL library without a -shm file, and cannot create one in a
    // directory it may not write: then the file is read as immutable (it has no -wal either,
    // since whoever wrote it last has closed it).
    let immutable = readOnly && !directoryWritable && !fileManager.fileExists(atPath: path + "-shm")

    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.label = "folio"
    // `has:pdf` compares each paper's PDF cache name, computed as FolioCore computes it.
    configuration.prepareDatabase { db in db.add(function: PaperFacet.pdfNameFunction) }
    do {
      // Who the file belongs to is checked through one plain connection first: a pool
      // switches a file to WAL and writes to it as it opens, and a file that is not our own
      // library must be left exactly as it was.
      let probe = try DatabaseQueue(
        path: immutable ? immutableURI(path) : path, configuration: configuration)
      let identity = try probe.read(LibraryIdentity.init)
      try identity.check(path: path)
      // A read-only WAL library in a directory we cannot write to has no -shm file for a
      // pool's readers to share; the plain read-only connection reads it fine.
      let writer: any DatabaseWriter
      if readOnly {
        writer = probe
      } else {
        try probe.close()
        writer = try DatabasePool(path: path, configuration: configuration)
      }
      let store = LibraryStore(
        path: path, writer: writer, isReadOnly: readOnly,
        waiting: (busyTimeout, writeWaitLimit))
      try store.prepare(complete: identity.isComplete)
      return store
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// A library held in memory, for tests and previews.
  public static func inMemory() throws(StoreError) -> LibraryStore {
    do {
      var configuration = Configuration()
      configuration.prepareDatabase { db in db.add(function: PaperFacet.pdfNameFunction) }
      let queue = try DatabaseQueue(configuration: configuration)
      let store = LibraryStore(path: ":memory:", writer: queue, isReadOnly: false)
      try store.prepare(complete: false)
      return store
    } catch {
      throw StoreError.wrapping(error, path: ":memory:")
    }
  }

  /// Migrates the library when `complete` is false, and makes commits durable.
  private func prepare(complete: Bool) throws {
    if isReadOnly {
      if !complete { throw StoreError.readOnly(path: path) }
      return
    }
    // Migrating takes the write lock even when there is nothing to do; skipping it then lets a
    // command open the library while another process holds that lock for a long import.
    if !complete { try retryingWhileBusy { try Schema.migrator.migrate(writer) } }
    if writer is DatabasePool {
      // DatabasePool leaves its writer at synchronous=NORMAL, which can lose the last commits
      // on power loss. A star the user was told about must survive that.
      let level = try writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        return try Int.fetchOne(db, sql: "PRAGMA synchronous")
      }
      if level != 2 { throw StoreError.io(path: path, reason: "cannot make commits durable") }
    }
  }

  /// Rejects an existing non-empty file that does not start with SQLite's magic header, before
  /// SQLite touches it.
  private static func checkHeader(_ path: String) throws(StoreError) {
    // Non-blocking, and checked once open: whatever replaced the file since it was looked at
    // (a FIFO) cannot hang the open.
    let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .io(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw .notALibrary(path: path, reason: "it is not a regular file")
    }
    var header = [UInt8](repeating: 0, count: 16)
    var count = 0
    while count < header.count {
      let result = header.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count)
      }
      if result < 0 && errno == EINTR { continue }
      guard result >= 0 else {
        throw .io(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
      }
      if result == 0 { break }
      count += result
    }
    if count > 0 && header[..<count] != Array("SQLite format 3\0".utf8)[...] {
      throw .notALibrary(path: path, reason: "file is not a database")
    }
  }

  /// An SQLite URI filename opening `path` as immutable (SQLite here is built with URIs on).
  private static func immutableURI(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(escaped)?immutable=1"
  }

  private static func createDirectory(for path: String) throws(StoreError) {
    let directory = (path as NSString).deletingLastPathComponent
    guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .cannotCreate(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// Runs `body` in one write transaction, mapping failures to ``StoreError``.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    if isReadOnly { throw .readOnly(path: path) }
    do {
      return try retryingWhileBusy { try writer.write(body) }
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }

  /// Runs `attempt` again while it fails because another process holds the write lock, for up
  /// to ``writeWaitLimit``: each attempt already waited ``busyTimeout`` for it, so a change
  /// made during someone else's long import goes through when the import ends instead of
  /// failing with "database is locked".
  func retryingWhileBusy<T>(_ attempt: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(waiting.writeWaitLimit)
    while true {
      do {
        return try attempt()
      } catch let error as DatabaseError
        where error.resultCode.primaryResultCode == .SQLITE_BUSY && Date() < deadline
      {
        continue
      }
    }
  }

  /// Runs `body` on a consistent snapshot, mapping failures to ``StoreError``.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read(body)
    } catch {
      throw StoreError.wrapping(error, path: path)
    }
  }
}
