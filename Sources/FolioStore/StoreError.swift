import FolioCore
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Why the library could not be opened, read or changed. Each case maps to a one-line message
/// and a sysexits code; none of them means anything was lost.
public enum StoreError: Error, Equatable, Sendable {
  /// The library's directory or file could not be created (EX_CANTCREAT).
  case cannotCreate(path: String, reason: String)
  /// The file exists but is not an SQLite database, or not a Folio one (EX_DATAERR).
  case notALibrary(path: String, reason: String)
  /// SQLite found damage in the file (EX_DATAERR).
  case damaged(path: String, reason: String)
  /// The library was written by a newer Folio whose schema this one does not know (EX_DATAERR).
  case newerSchema(path: String)
  /// A change was asked of a library this process may only read (EX_IOERR).
  case readOnly(path: String)
  /// No paper has this id (exit 1).
  case unknownPaper(id: String)
  /// Any other SQLite or file-system failure (EX_IOERR).
  case io(path: String, reason: String)

  /// The message after `folio: error: `.
  public var message: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot create the library at \(path): \(reason)"
    case .notALibrary(let path, let reason): "\(path) is not a Folio library (\(reason))"
    case .damaged(let path, let reason):
      "the library \(path) is damaged (\(reason)); it was left untouched"
    case .newerSchema(let path):
      "the library \(path) was written by a newer version of folio; upgrade folio to open it"
    case .readOnly(let path): "the library \(path) is read-only; nothing was changed"
    case .unknownPaper(let id): "no paper with id '\(id)'"
    case .io(let path, let reason): "cannot use the library \(path): \(reason)"
    }
  }

  /// The process exit status for this error (sysexits.h).
  public var exitCode: Int32 {
    switch self {
    case .cannotCreate: SysExit.cannotCreate
    case .notALibrary, .damaged, .newerSchema: SysExit.dataError
    case .readOnly, .io: SysExit.ioError
    case .unknownPaper: 1
    }
  }

  /// The store error for an SQLite failure on the library at `path`.
  static func wrapping(_ error: any Error, path: String) -> StoreError {
    if let storeError = error as? StoreError { return storeError }
    guard let dbError = error as? DatabaseError else {
      return .io(path: path, reason: "\(error)")
    }
    let reason = dbError.message ?? "\(dbError.resultCode)"
    switch dbError.resultCode.primaryResultCode {
    case .SQLITE_NOTADB: return .notALibrary(path: path, reason: "file is not a database")
    case .SQLITE_CORRUPT: return .damaged(path: path, reason: reason)
    case .SQLITE_READONLY: return .readOnly(path: path)
    case .SQLITE_CANTOPEN:
      return .io(path: path, reason: lackOfRoom(near: path) ?? "cannot open the file")
    case .SQLITE_FULL: return .io(path: path, reason: "the disk is full; nothing was changed")
    case .SQLITE_IOERR: return .io(path: path, reason: lackOfRoom(near: path) ?? reason)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return .io(path: path, reason: "another folio kept the library busy; try again")
    default: return .io(path: path, reason: reason)
    }
  }

  /// Why a failed read or write of the library at `path` may have had no room: its disk is
  /// full (SQLite reports a full disk as an I/O error when it cannot grow the `-shm` file), or
  /// the library or its `-wal` file reached the file size limit (`ulimit -f`). Nil when
  /// neither holds.
  static func lackOfRoom(near path: String) -> String? {
    var limit = rlimit()
    if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0,
      limit.rlim_cur != rlim_t.max
    {
      let sizes = [path, path + "-wal"].map {
        ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? UInt64) ?? 0
      }
      if sizes.contains(where: { $0 + 65536 >= UInt64(limit.rlim_cur) }) {
        return "the file size limit (ulimit -f) was reached; nothing was changed"
      }
    }
    var stats = statvfs()
    let directory = (path as NSString).deletingLastPathComponent
    guard statvfs(directory.isEmpty ? "." : directory, &stats) == 0 else { return nil }
    let available = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    return available < 1 << 20 ? "the disk is full; nothing was changed" : nil
  }
}
