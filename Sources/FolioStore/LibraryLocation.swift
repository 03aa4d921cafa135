import Foundation

/// Where the library file lives.
public enum LibraryLocation {
  /// The library path: `explicit` (from `--db`), else `$FOLIO_DB`, else
  /// `$XDG_DATA_HOME/folio/folio.sqlite`, else `~/.local/share/folio/folio.sqlite`.
  /// A leading `~/` is expanded.
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit, !explicit.isEmpty { return expandTilde(explicit, environment: environment) }
    if let path = environment["FOLIO_DB"], !path.isEmpty {
      return expandTilde(path, environment: environment)
    }
    return dataDirectory(environment: environment) + "/folio.sqlite"
  }

  /// `$XDG_DATA_HOME/folio`, or `~/.local/share/folio`.
  public static func dataDirectory(environment: [String: String]) -> String {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/folio" }
    return home(environment) + "/.local/share/folio"
  }

  /// `path` with a leading `~` or `~/` replaced by the home directory.
  public static func expandTilde(_ path: String, environment: [String: String]) -> String {
    if path == "~" { return home(environment) }
    if path.hasPrefix("~/") { return home(environment) + path.dropFirst(1) }
    return path
  }

  /// `$HOME`, or the user's home directory.
  public static func home(_ environment: [String: String]) -> String {
    environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
  }
}

#if canImport(Glibc)
  import Glibc
#endif

extension LibraryLocation {
  /// Refuses a library path SQLite must not be handed, before anything opens it (opening a
  /// FIFO blocks forever; a device or a kernel file fails with a misleading message): the
  /// path, or its `-wal`/`-shm` file, exists and is not a regular file, or it lies in the
  /// kernel's /proc or /sys; or the path is new and the nearest existing ancestor is not a
  /// directory. Only `stat` is used, so this cannot block.
  static func check(_ path: String) throws(StoreError) {
    var info = stat()
    if stat(path, &info) == 0 {
      if let kind = kind(info.st_mode) {
        let reason =
          kind == "a directory" ? "it is a directory" : "it is \(kind), not a regular file"
        throw .notALibrary(path: path, reason: reason)
      }
      if isKernelFile(path) {
        throw .notALibrary(
          path: path, reason: "it is a kernel file in /proc or /sys, not a regular file")
      }
      for suffix in ["-wal", "-shm"] {
        var companion = stat()
        if stat(path + suffix, &companion) == 0, let kind = kind(companion.st_mode) {
          throw .notALibrary(path: path, reason: "its \(suffix) file is \(kind)")
        }
      }
      return
    }
    guard errno == ENOENT || errno == ENOTDIR else { return }
    // A new library: the first ancestor that exists must be a directory.
    var ancestor = path
    while true {
      let parent = (ancestor as NSString).deletingLastPathComponent
      guard !parent.isEmpty, parent != ancestor else { return }
      ancestor = parent
      if stat(ancestor, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
          throw .cannotCreate(path: path, reason: "\(ancestor) is not a directory")
        }
        return
      }
    }
  }

  /// What a non-regular file is, for messages; nil for a regular file.
  private static func kind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }

  /// Whether `path` is in /proc or /sys, whose files only look regular (`/proc/self/mem`).
  private static func isKernelFile(_ path: String) -> Bool {
    guard let resolved = realpath(path, nil) else { return false }
    defer { free(resolved) }
    let real = String(cString: resolved)
    return ["/proc", "/sys"].contains { real == $0 || real.hasPrefix($0 + "/") }
  }
}
