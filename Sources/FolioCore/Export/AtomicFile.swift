import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a whole file for the user the way a careful editor does: only ever a regular file
/// (a device, FIFO, socket or directory at the path is refused and left as it was), through a
/// symbolic link to its target (the link stays a link), keeping an existing file's mode and
/// owner, and so that readers see the old contents or the new, never a mix.
///
/// The new contents go to a temporary file beside the target, created exclusively and without
/// following links, flushed to disk, then renamed over the target. Two kinds of existing file
/// would lose something by being replaced: one with other hard links (they would keep the old
/// contents) and one whose owner this process cannot give the new file. Those are rewritten in
/// place instead, as vim does: every link sees the new contents and the owner stays, at the
/// price of atomicity (space is reserved first, so a full disk leaves the old contents).
public enum AtomicFile {
  /// Why a write failed: the `errno` of the step that failed, or a refusal.
  public struct Failure: Error, Equatable {
    public var code: Int32
    /// Set when the path names something that is not a regular file: then nothing was
    /// written and it was left as it was.
    public var refused: FileKind?

    public init(code: Int32, refused: FileKind? = nil) {
      self.code = code
      self.refused = refused
    }

    /// "Permission denied", or why the path was refused ("it is a FIFO, not a regular file").
    public var reason: String {
      if let refused { return "it is \(refused.description), not a regular file; left as it was" }
      return String(cString: strerror(code))
    }
  }

  /// What is at a path, for refusals.
  public enum FileKind: Equatable, Sendable, CustomStringConvertible {
    case directory, fifo, characterDevice, blockDevice, socket, other

    init?(mode: mode_t) {
      switch mode & S_IFMT {
      case S_IFREG: return nil
      case S_IFDIR: self = .directory
      case S_IFIFO: self = .fifo
      case S_IFCHR: self = .characterDevice
      case S_IFBLK: self = .blockDevice
      case S_IFSOCK: self = .socket
      default: self = .other
      }
    }

    public var description: String {
      switch self {
      case .directory: "a directory"
      case .fifo: "a FIFO"
      case .characterDevice: "a character device"
      case .blockDevice: "a block device"
      case .socket: "a socket"
      case .other: "a special file"
      }
    }

    /// The errno a refusal reports.
    var code: Int32 { self == .directory ? EISDIR : EINVAL }
  }

  /// Where a write to a path lands.
  public struct Target {
    /// The file that is written: the path itself, or where its chain of symbolic links ends.
    public var path: String
    /// The existing file's status; nil when the write creates the file.
    var existing: stat?

    /// Whether a file is there already.
    public var exists: Bool { existing != nil }
  }

  /// How many temporary names are tried before giving up when each one is taken.
  static let attempts = 16
  /// How many symbolic links are followed from the path to the file (Linux's own limit).
  public static let maximumLinks = 40

  /// Where a write to `path` would land, refusing anything but a regular file or a missing
  /// one (a dangling link names the file to create). Never opens anything, so it cannot block.
  public static func target(of path: String) throws(Failure) -> Target {
    var info = stat()
    if stat(path, &info) == 0 {
      if let kind = FileKind(mode: info.st_mode) { throw Failure(code: kind.code, refused: kind) }
    } else if errno != ENOENT {
      throw Failure(code: errno)
    }
    // Follow the chain of links to the name that is replaced (or created).
    var current = path
    for _ in 0...maximumLinks {
      var linkInfo = stat()
      guard lstat(current, &linkInfo) == 0 else {
        guard errno == ENOENT else { throw Failure(code: errno) }
        return Target(path: current, existing: nil)
      }
      guard linkInfo.st_mode & S_IFMT == S_IFLNK else {
        if let kind = FileKind(mode: linkInfo.st_mode) {
          throw Failure(code: kind.code, refused: kind)
        }
        return Target(path: current, existing: linkInfo)
      }
      guard let destination = readLink(current) else { throw Failure(code: errno) }
      current =
        destination.hasPrefix("/")
        ? destination : directory(of: current) + "/" + destination
    }
    throw Failure(code: ELOOP)
  }

  /// Writes `bytes` to `path` (see the type's description). On failure `path` is as it was
  /// (or, for a file rewritten in place, holds its old contents if the disk had no room) and
  /// no temporary file is left behind.
  ///
  /// A new file gets `mode` less the umask. `temporaryName` makes the name of each attempt in
  /// the directory of the target; tests pass their own to plant links at it.
  public static func write(
    _ bytes: [UInt8], to path: String, mode: mode_t = 0o666,
    temporaryName: (String) -> String = {
      ".\($0).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
  ) throws(Failure) {
    let target = try target(of: path)
    if let existing = target.existing, existing.st_nlink > 1 {
      try rewriteInPlace(bytes, target.path, existing)
      return
    }
    let directory = directory(of: target.path)
    let name = String(target.path.split(separator: "/").last ?? "")
    var temporary = ""
    var descriptor: Int32 = -1
    for _ in 0..<attempts {
      temporary = directory + "/" + temporaryName(name)
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else { throw Failure(code: errno) }
    if let existing = target.existing {
      if fchown(descriptor, existing.st_uid, existing.st_gid) != 0,
        existing.st_uid != geteuid() || existing.st_gid != getegid()
      {
        // The new file cannot belong to the old one's owner: rewrite the old one instead.
        close(descriptor)
        unlink(temporary)
        try rewriteInPlace(bytes, target.path, existing)
        return
      }
      fchmod(descriptor, existing.st_mode & 0o7777)
    }
    do throws(Failure) {
      try writeAll(bytes, to: descriptor)
      guard fsync(descriptor) == 0 else { throw Failure(code: errno) }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, target.path) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure(code: code)
    }
  }

  /// Overwrites the regular file at `path`, which `lstat` described as `expected`, in place.
  private static func rewriteInPlace(_ bytes: [UInt8], _ path: String, _ expected: stat)
    throws(Failure)
  {
    // Non-blocking and checked after opening: whatever replaced the file meanwhile (a FIFO, a
    // link) is never written.
    let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(code: errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw Failure(code: errno) }
    guard info.st_dev == expected.st_dev, info.st_ino == expected.st_ino,
      info.st_mode & S_IFMT == S_IFREG
    else { throw Failure(code: EAGAIN) }
    // Claim the room first, so a full disk fails before the old contents are touched.
    if off_t(bytes.count) > info.st_size {
      let result = posix_fallocate(descriptor, 0, off_t(bytes.count))
      if result != 0 {
        _ = ftruncate(descriptor, info.st_size)
        // A file system that cannot reserve room is written anyway; one without room is not.
        if [ENOSPC, EDQUOT, EFBIG].contains(result) { throw Failure(code: result) }
      }
    }
    try writeAll(bytes, to: descriptor)
    guard ftruncate(descriptor, off_t(bytes.count)) == 0, fsync(descriptor) == 0 else {
      throw Failure(code: errno)
    }
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { throw Failure(code: result < 0 ? errno : EIO) }
      written += result
    }
  }

  /// The directory part of `path` ("." for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The contents of the symbolic link at `path`, or nil (errno set).
  private static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
