import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a whole file so that readers see the old contents or the new, never a mix, and no
/// link planted by someone else is ever followed.
public enum AtomicFile {
  /// Why a write failed: the `errno` of the step that failed.
  public struct Failure: Error, Equatable {
    public var code: Int32
    /// `strerror` of the code ("Permission denied").
    public var reason: String { String(cString: strerror(code)) }
  }

  /// How many temporary names are tried before giving up when each one is taken.
  static let attempts = 16

  /// Writes `bytes` to `path`: into a new file beside it, created exclusively and without
  /// following links (`O_EXCL | O_NOFOLLOW`), flushed to disk, then renamed over `path`. A
  /// name that is taken (a file or a link planted there) is left alone and another is
  /// tried. On failure nothing is left behind and `path` is untouched.
  ///
  /// `temporaryName` makes the name of each attempt in the directory of `path`; tests pass
  /// their own to plant links at it.
  public static func write(
    _ bytes: [UInt8], to path: String,
    temporaryName: (String) -> String = {
      ".\($0).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
  ) throws(Failure) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var temporary = ""
    var descriptor: Int32 = -1
    for _ in 0..<attempts {
      temporary = directory + "/" + temporaryName(url.lastPathComponent)
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else { throw Failure(code: errno) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        let code = errno
        close(descriptor)
        unlink(temporary)
        throw Failure(code: code)
      }
      written += result
    }
    let synced = fsync(descriptor) == 0
    let syncError = errno
    close(descriptor)
    guard synced else {
      unlink(temporary)
      throw Failure(code: syncError)
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure(code: code)
    }
  }
}
