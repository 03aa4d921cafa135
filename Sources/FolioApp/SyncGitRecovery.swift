import FolioCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Folio's own lock on a sync work tree (`<git dir>/folio-sync-lock`, flock): one sync at a
/// time runs git there (the reader's background sync and a `folio sync` in a shell), so a
/// git lock file found while holding it was left by a process that died, not by a sibling.
/// Released by ``release()`` or when the value goes away; the system releases it when the
/// process dies, so a killed sync never leaves it behind.
final class WorkTreeLock: @unchecked Sendable {
  private var fd: Int32

  /// How long to wait for another sync of the same work tree, in seconds.
  static let waitLimit: Double = 60

  /// Takes the lock, waiting up to ``waitLimit`` for another sync holding it.
  init(gitDirectory: String, workTree: String) throws {
    let path = gitDirectory + "/folio-sync-lock"
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else {
      throw SyncFolderError(
        "cannot open \(path): \(String(cString: strerror(errno)))", exitCode: SysExit.ioError)
    }
    let deadline = Date().addingTimeInterval(Self.waitLimit)
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(fd)
        fd = -1
        throw SyncFolderError(
          "another folio sync kept \(workTree) busy; try again", exitCode: SysExit.unavailable)
      }
      usleep(50_000)
    }
  }

  /// Releases the lock (once).
  func release() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
  }

  deinit { release() }
}

extension SyncGit {
  /// git's lock files a killed git can leave behind in the git directory (the refs' are
  /// found under `refs/`).
  static let lockNames = [
    "index.lock", "HEAD.lock", "ORIG_HEAD.lock", "FETCH_HEAD.lock", "packed-refs.lock",
    "config.lock", "shallow.lock",
  ]
  /// The most entries of `refs/` looked at for stale locks (a sync repository has a few).
  static let refsWalkLimit = 10_000
  /// How long to wait for a git that is still at work in the work tree (the orphan of a
  /// killed sync finishing), in seconds.
  static let otherGitWaitLimit: Double = 30

  /// Undoes what a sync killed part way (or a machine that went down) can leave in the work
  /// tree, with ``WorkTreeLock`` held: first waits for a git still at work there (a killed
  /// sync's git goes on alone); then removes git's stale lock files, which only a dead git
  /// leaves when none is at work; then aborts a rebase left in progress (this device's
  /// commits touch only its file, which was committed before the rebase started, so the
  /// abort loses nothing; it runs before anything is appended to the file). Where it cannot
  /// tell whether a git is at work (no /proc), it says in one line what to do.
  func recover() throws {
    var stale = Self.lockNames.map { gitDirectory + "/" + $0 }
      .filter { FileManager.default.fileExists(atPath: $0) }
    stale += refLocks()
    let rebasing = ["rebase-merge", "rebase-apply"].contains {
      FileManager.default.fileExists(atPath: gitDirectory + "/" + $0)
    }
    guard !stale.isEmpty || rebasing else { return }
    let deadline = Date().addingTimeInterval(Self.otherGitWaitLimit)
    while true {
      guard let busy = Self.gitAtWork(in: directory) else {
        let what = stale.first.map { "remove \($0)" } ?? "run git rebase --abort there"
        throw SyncFolderError(
          "git in \(directory) was interrupted: if no git is running there, \(what), "
            + "then sync again", exitCode: SysExit.ioError)
      }
      if !busy { break }
      guard Date() < deadline else {
        throw SyncFolderError(
          "a git process kept \(directory) busy; try again when it has finished",
          exitCode: SysExit.unavailable)
      }
      usleep(50_000)
    }
    // The git at work may have finished what it was doing: look again.
    for path in Self.lockNames.map({ gitDirectory + "/" + $0 }) + refLocks()
    where FileManager.default.fileExists(atPath: path) {
      guard unlink(path) == 0 || errno == ENOENT else {
        throw SyncFolderError(
          "cannot remove git's stale \(path): \(String(cString: strerror(errno)))",
          exitCode: SysExit.ioError)
      }
    }
    for name in ["rebase-merge", "rebase-apply"]
    where FileManager.default.fileExists(atPath: gitDirectory + "/" + name) {
      let abort = try run(["rebase", "--abort"])
      guard abort.status == 0 else {
        throw SyncFolderError(
          "a rebase left in \(directory) cannot be aborted (\(Self.firstLine(abort.errors))); "
            + "fix it with git, then sync again", exitCode: SysExit.ioError)
      }
    }
  }

  /// The `*.lock` files under `refs/`, looking at no more than ``refsWalkLimit`` entries.
  private func refLocks() -> [String] {
    let refs = gitDirectory + "/refs"
    guard let walker = FileManager.default.enumerator(atPath: refs) else { return [] }
    var found: [String] = []
    var seen = 0
    while let entry = walker.nextObject() as? String, seen < Self.refsWalkLimit {
      seen += 1
      if entry.hasSuffix(".lock") { found.append(refs + "/" + entry) }
    }
    return found
  }

  /// Whether a git process is at work in `directory` (its current directory is there: Folio
  /// runs git with `-C`, a person runs it from inside), from /proc; nil where there is no
  /// /proc to ask. Processes of other users, unreadable, are not counted.
  static func gitAtWork(in directory: String) -> Bool? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc"),
      entries.contains("self")
    else { return nil }
    let top = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    let me = getpid()
    for entry in entries.prefix(1_000_000) {
      guard let pid = Int32(entry), pid != me,
        let name = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
        name.hasPrefix("git"),
        let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd")
      else { continue }
      if cwd == top || cwd.hasPrefix(top + "/") { return true }
    }
    return false
  }
}
