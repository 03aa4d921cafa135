import FolioCore
import FolioStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why a sync through a folder failed: a one-line message and the exit status.
public struct SyncFolderError: Error, Sendable {
  public var message: String
  public var exitCode: Int32

  public init(_ message: String, exitCode: Int32) {
    self.message = message
    self.exitCode = exitCode
  }
}

/// What one sync did (or, dry, would do).
public struct SyncReport: Hashable, Sendable {
  /// This device's changes written to its log.
  public var sent = 0
  /// Other devices' changes read.
  public var received = 0
  /// Of those, the ones that set their field.
  public var applied = 0
  /// Of those, the ones waiting for a paper this library does not have.
  public var waiting = 0
  /// Logs that could not be read, as `FILE:LINE: reason` (inert); their other devices'
  /// changes before the bad line are kept, the rest is read again next time.
  public var problems: [SyncLogError] = []
  /// A dry run's first changes of this library's state, one per paper and field
  /// (at most ``SyncFolder/previewLines``).
  public var changes: [SyncPreviewItem] = []
  /// A dry run's count of paper fields whose value would change (`changes` and the rest).
  public var changed = 0

  public init() {}

  /// `sync: sent N changes, received M (K applied, P waiting)`.
  public var summary: String {
    "sync: sent \(sent) changes, received \(received) (\(applied) applied, \(waiting) waiting)"
  }
}

/// Sync through a folder (issue 21), plain or a git work tree with a remote (``SyncGit``):
/// each device appends its changes to its own
/// `<device>.jsonl` (FolioCore's SyncLogCodec) and reads every other device's file from where
/// it stopped. No two devices write one file, so a folder kept in step by Syncthing, Dropbox
/// or Nextcloud never has conflicting copies, and git never has merge conflicts.
///
/// Crash-safe at every step: lines are appended and flushed to disk before the library marks
/// them written (a crash in between appends them again next time, and taking a change twice
/// changes nothing); another device's changes are applied in the same transaction that keeps
/// how far its file was read.
public struct SyncFolder: Sendable {
  /// The folder.
  public let directory: String
  /// Caps on reading a log.
  public var limits = SyncLogLimits()
  /// Bytes read from a log at a time: whole lines of it are applied per transaction.
  public var chunkBytes = 8 << 20
  /// This device's changes taken from the library per append.
  public var outboxBatch = 10_000
  /// Whether git must never ask for anything (the reader's background sync: a password
  /// prompt would break its screen): ssh then runs in batch mode unless the user set
  /// `GIT_SSH_COMMAND` or `GIT_SSH`.
  public var batchMode = false

  public init(directory: String) {
    self.directory = directory
  }

  /// A log this big or more is rewritten as its device's live changes when that halves it
  /// at least (``compact(_:size:generation:store:device:)``).
  public var compactBytes: Int64 = 8 << 20

  /// The log file of `device` in the folder: generation 0 is `<device>.jsonl`, each
  /// compaction makes the next, `<device>.<n>.jsonl`.
  public func logPath(device: String, generation: Int = 0) -> String {
    (directory.hasSuffix("/") ? directory : directory + "/")
      + Self.logName(device: device, generation: generation)
  }

  static func logName(device: String, generation: Int) -> String {
    generation == 0 ? device + ".jsonl" : "\(device).\(generation).jsonl"
  }

  /// The device and generation a file name in the folder is the log of, or nil for any other
  /// file (left alone).
  static func parseLogName(_ name: String) -> (device: String, generation: Int)? {
    guard name.hasSuffix(".jsonl") else { return nil }
    let parts = name.dropLast(6).split(separator: ".", omittingEmptySubsequences: false)
    guard let first = parts.first, DeviceID.isValid(String(first)) else { return nil }
    if parts.count == 1 { return (String(first), 0) }
    guard parts.count == 2, let digits = parts.last, (1...9).contains(digits.count),
      digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let generation = Int(digits)
    else { return nil }
    return (String(first), generation)
  }

  /// Each device's newest log generation in the folder.
  func newestLogs() throws -> [String: Int] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw SyncFolderError("cannot list the sync folder \(directory)", exitCode: SysExit.ioError)
    }
    var newest: [String: Int] = [:]
    for name in names {
      guard let (device, generation) = Self.parseLogName(name) else { continue }
      newest[device] = max(newest[device] ?? 0, generation)
    }
    return newest
  }

  /// Writes this device's new changes out, then reads every other device's log. With
  /// `dryRun`, changes nothing here and reports what would happen (through git, what the
  /// fetched remote branch would bring).
  public func sync(_ store: LibraryStore, dryRun: Bool = false) throws -> SyncReport {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw SyncFolderError(
        "the sync folder \(directory) does not exist", exitCode: SysExit.noInput)
    }
    guard isDirectory.boolValue else {
      throw SyncFolderError(
        "the sync folder \(directory) is not a folder", exitCode: SysExit.noInput)
    }
    let device = try store.syncDevice()
    if dryRun { return try previewWithGit(store, device: device) }
    var report = SyncReport()
    // Locked for the whole sync, and what a killed sync left in git undone before anything
    // is appended to this device's log.
    let git = try SyncGit.open(directory, batchMode: batchMode, locking: true)
    defer { git?.unlock() }
    report.sent = try writeOut(store, device: device)
    // Committed before pulling, so the rebase finds a clean work tree.
    try git?.commit(device: device)
    try git?.pull()
    for (other, generation) in try otherDevices(except: device) {
      do {
        try readIn(
          other, generation: generation, from: try store.syncPeerPosition(device: other),
          into: &report
        ) { changes, position in
          try store.applySyncChanges(changes, advancing: position)
        }
      } catch let problem as SyncLogError {
        report.problems.append(problem)
      }
    }
    try git?.push()
    return report
  }

  /// The changes of this library's state a dry run lists; the rest are counted.
  public static let previewLines = 100

  /// A dry run; through git, of what the remote's branch holds now (fetched; the work tree,
  /// its index and branch untouched): its files are read from a scratch copy.
  private func previewWithGit(_ store: LibraryStore, device: String) throws -> SyncReport {
    guard let git = try SyncGit.open(directory, batchMode: batchMode) else {
      return try preview(store, device: device)
    }
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-sync-\(UUID().uuidString)").path
    do {
      try FileManager.default.createDirectory(
        atPath: scratch + "/files", withIntermediateDirectories: true)
    } catch {
      throw SyncFolderError("cannot create \(scratch)", exitCode: SysExit.cannotCreate)
    }
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    guard try git.checkOutUpstream(into: scratch + "/files", scratch: scratch) else {
      return try preview(store, device: device)
    }
    var remote = SyncFolder(directory: scratch + "/files")
    remote.limits = limits
    remote.chunkBytes = chunkBytes
    var report = try remote.preview(store, device: device)
    // A bad line is named as in the remote's branch: "<folder>/<file> (remote):LINE".
    for index in report.problems.indices {
      let name = URL(fileURLWithPath: report.problems[index].file).lastPathComponent
      report.problems[index].file =
        (directory.hasSuffix("/") ? directory : directory + "/") + name
        + " (\(git.remote)/\(git.branch))"
    }
    return report
  }

  /// A dry run: counts this device's unwritten changes, and applies the other devices' logs
  /// in a transaction that is rolled back (``FolioStore/LibraryStore/previewSync(listing:_:)``).
  /// Writes nothing anywhere: it reads the logs this folder has.
  private func preview(_ store: LibraryStore, device: String) throws -> SyncReport {
    var report = SyncReport()
    report.sent = try store.unwrittenSyncChangeCount()
    let preview = try store.previewSync(listing: Self.previewLines) { session in
      for (other, generation) in try otherDevices(except: device) {
        do {
          try readIn(
            other, generation: generation, from: try session.peerPosition(device: other),
            into: &report
          ) { changes, _ in try session.apply(changes) }
        } catch let problem as SyncLogError {
          report.problems.append(problem)
        }
      }
    }
    report.applied = preview.result.applied
    report.waiting = preview.result.waiting
    report.changes = preview.items
    report.changed = preview.changed
    return report
  }

  /// The devices whose logs are in the folder, other than `device`, in order, each with its
  /// newest generation: the only one read (an older one holds nothing the newer one lacks
  /// but changes its device had seen overruled).
  func otherDevices(except device: String) throws -> [(String, Int)] {
    try newestLogs().filter { $0.key != device }.sorted { $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
  }

  // MARK: Writing this device's log

  /// Appends the library's unwritten changes to this device's newest log, then marks them
  /// written, then compacts the log when that is worth it. Returns how many were written.
  func writeOut(_ store: LibraryStore, device: String) throws -> Int {
    // Another sync of this library may compact the log while this one waits for its lock:
    // the file locked must still be the newest log once locked, else this one starts over.
    for _ in 0..<Self.lockAttempts {
      if let sent = try appendOnce(store, device: device) { return sent }
    }
    throw SyncFolderError(
      "this device's log in \(directory) kept changing; try again", exitCode: SysExit.ioError)
  }

  /// Attempts at locking this device's newest log.
  static let lockAttempts = 5

  /// One attempt of ``writeOut(_:device:)``; nil when the log was replaced meanwhile.
  private func appendOnce(_ store: LibraryStore, device: String) throws -> Int? {
    let generation = try newestLogs()[device] ?? 0
    let path = logPath(device: device, generation: generation)
    let existed = FileManager.default.fileExists(atPath: path)
    // Through a symlink, as for any file written for the user; only ever a regular file.
    let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0o644)
    guard fd >= 0 else { throw ioError("cannot open", path, code: SysExit.cannotCreate) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw SyncFolderError("\(path) is not a regular file", exitCode: SysExit.cannotCreate)
    }
    // Two syncs of one library at once would append the same lines twice.
    guard flock(fd, LOCK_EX) == 0 else { throw ioError("cannot lock", path) }
    var named = stat()
    guard stat(path, &named) == 0, named.st_ino == info.st_ino, named.st_dev == info.st_dev,
      try newestLogs()[device] ?? 0 == generation, fstat(fd, &info) == 0
    else { return nil }
    try dropPartialLine(fd, size: Int64(info.st_size), path: path)
    if !existed { syncDirectory() }
    var sent = 0
    while true {
      let box = try store.unwrittenSyncChanges(limit: outboxBatch)
      guard !box.lines.isEmpty else { break }
      try writeAll(fd, Array(box.lines.joined().utf8), path: path)
      guard fsync(fd) == 0 else { throw ioError("cannot flush", path) }
      try store.markSyncChangesWritten(through: box.through)
      sent += box.lines.count
    }
    guard fstat(fd, &info) == 0 else { throw ioError("cannot read", path) }
    try compact(
      path, size: Int64(info.st_size), generation: generation, store: store, device: device)
    return sent
  }

  /// Rewrites this device's log as its live changes (those of its changes that still set
  /// their field here; ``FolioStore/LibraryStore/syncSnapshot(device:)``) in the next
  /// generation's file, written whole and renamed into place, then removes the old one; only
  /// when the log is at least ``compactBytes`` and the rewrite at most half of it. Called with
  /// the log locked and every change written to it. Other devices read the new file from its
  /// start (a change taken twice changes nothing); a change it leaves out was overruled by a
  /// later one, which its own device's log keeps.
  private func compact(
    _ path: String, size: Int64, generation: Int, store: LibraryStore, device: String
  ) throws {
    guard size >= compactBytes else { return }
    let live = try store.syncSnapshot(device: device)
    let bytes = Array(live.map { SyncLogCodec.encode($0, limits: limits) }.joined().utf8)
    guard Int64(bytes.count) * 2 <= size else { return }
    let next = logPath(device: device, generation: generation + 1)
    do {
      try AtomicFile.write(bytes, to: next, mode: 0o644)
    } catch {
      throw SyncFolderError("cannot write \(next): \(error.reason)", exitCode: SysExit.cannotCreate)
    }
    guard unlink(path) == 0 || errno == ENOENT else { throw ioError("cannot remove", path) }
    syncDirectory()
  }

  /// Cuts the log back to its last whole line: a line half written when a sync was killed is
  /// still unwritten in the library, and is written whole again.
  private func dropPartialLine(_ fd: Int32, size: Int64, path: String) throws {
    guard size > 0 else { return }
    var end = size
    var buffer = [UInt8](repeating: 0, count: 4096)
    while end > 0 {
      let start = max(0, end - Int64(buffer.count))
      let count = Int(end - start)
      let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(start)) }
      guard got == count else { throw ioError("cannot read", path) }
      if let last = buffer[..<count].lastIndex(of: UInt8(ascii: "\n")) {
        let keep = start + Int64(last) + 1
        if keep == size { return }
        guard ftruncate(fd, off_t(keep)) == 0 else { throw ioError("cannot repair", path) }
        return
      }
      end = start
    }
    guard ftruncate(fd, 0) == 0 else { throw ioError("cannot repair", path) }
  }

  private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        write(fd, $0.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw ioError("cannot write", path)
      }
      offset += written
    }
  }

  /// Makes a new file's name in the folder durable.
  private func syncDirectory() {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  // MARK: Reading other devices' logs

  /// Reads `device`'s log from where this library stopped (`kept`) and applies its changes
  /// with `apply`, a chunk of whole lines at a time, each with how far it read (a sync keeps
  /// that in the transaction that applies the chunk).
  func readIn(
    _ device: String, generation: Int, from kept: SyncPeerPosition?,
    into report: inout SyncReport,
    apply: ([SyncChange], SyncPeerPosition) throws -> SyncApplyResult
  ) throws {
    let path = logPath(device: device, generation: generation)
    // Non-blocking, so a FIFO planted in the folder cannot hang the sync; only regular files
    // are read.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw ioError("cannot open", path, code: SysExit.noInput) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw SyncLogError(file: path, reason: "not a regular file")
    }
    let size = Int64(info.st_size)
    guard let firstLine = try firstLineIdentity(fd, path: path) else { return }
    let identity = "\(generation):\(firstLine)"
    var position = SyncPeerPosition(device: device, file: identity, offset: 0, line: 0)
    // Another file under the same name (rewritten, or started over) is read from its start:
    // taking a change twice changes nothing.
    if let kept, kept.file == identity, kept.offset <= size {
      position = kept
    }
    while position.offset < size {
      let count = Int(min(Int64(chunkBytes), size - position.offset))
      var chunk = [UInt8](repeating: 0, count: count)
      let got = chunk.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress, count, off_t(position.offset))
      }
      guard got >= 0 else { throw ioError("cannot read", path) }
      let batch = try SyncLogCodec.decode(
        chunk[..<got], file: path, firstLine: position.line + 1, limits: limits)
      guard batch.consumed > 0 else { break }
      position.offset += Int64(batch.consumed)
      position.line += batch.lines
      report.received += batch.changes.count
      let result = try apply(batch.changes, position)
      report.applied += result.applied
      report.waiting += result.waiting
    }
  }

  /// A name for the file's contents: its first line's hash. The file is append-only, so the
  /// name stays while it grows; a file replaced by another (a compacted log, a device that
  /// started over) gets another. Nil while the file has no whole line.
  private func firstLineIdentity(_ fd: Int32, path: String) throws -> String? {
    var buffer = [UInt8](repeating: 0, count: limits.lineBytes + 1)
    let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard got >= 0 else { throw ioError("cannot read", path) }
    guard let newline = buffer[..<got].firstIndex(of: UInt8(ascii: "\n")) else {
      if got > limits.lineBytes {
        throw SyncLogError(
          file: path, line: 1, reason: "line longer than \(limits.lineBytes) bytes")
      }
      return nil
    }
    // FNV-1a, 64 bits: stable across runs and platforms, unlike Hasher.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in buffer[..<newline] {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return "first-line:" + String(hash, radix: 16)
  }

  private func ioError(_ what: String, _ path: String, code: Int32 = SysExit.ioError)
    -> SyncFolderError
  {
    SyncFolderError("\(what) \(path): \(String(cString: strerror(errno)))", exitCode: code)
  }
}
