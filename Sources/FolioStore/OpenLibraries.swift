import Foundation

/// The library files this process has open, by device and inode, with how many stores hold
/// each.
///
/// Why: a POSIX record lock belongs to the process and the file, and closing *any* descriptor
/// of the file drops every lock the process holds on it — SQLite's included. SQLite shares its
/// descriptors among its own connections for that reason, but `LibraryStore.open` first reads
/// the file's header through a plain descriptor of its own. Done while another store of the
/// same process had the file open (the reader's for-you trainer, a command retraining the
/// model), that close silently unlocked the first store's connections, and another process
/// could then write under them. A file this process already holds was checked when it was
/// first opened, so the check is skipped for it.
enum OpenLibraries {
  struct FileID: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var holders: [FileID: Int] = [:]

  /// The file `path` names (through symlinks), found without opening it; nil when it cannot
  /// be looked at.
  static func id(of path: String) -> FileID? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// Whether a store of this process holds the file `path` names.
  static func isOpen(_ path: String) -> Bool {
    guard let id = id(of: path) else { return false }
    return lock.withLock { holders[id, default: 0] > 0 }
  }

  /// Counts one more store holding `path`; returns what ``release(_:)`` takes.
  static func retain(_ path: String) -> FileID? {
    guard let id = id(of: path) else { return nil }
    lock.withLock { holders[id, default: 0] += 1 }
    return id
  }

  /// Counts one store less holding the file.
  static func release(_ id: FileID) {
    lock.withLock {
      let count = holders[id, default: 0] - 1
      holders[id] = count > 0 ? count : nil
    }
  }
}
