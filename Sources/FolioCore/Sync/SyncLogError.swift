/// Why a sync log could not be read, pointing at the line: `FILE:LINE: reason`. The file is
/// untrusted input like any feed; its text is quoted inert by whoever prints the error.
public struct SyncLogError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The log file as the user would name it.
  public var file: String
  /// 1-based line, when the problem has one.
  public var line: Int?
  public var reason: String

  public init(file: String, line: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  /// A bad log is bad input: exit 65.
  public var exitCode: Int32 { SysExit.dataError }

  public var description: String {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}

/// The caps on what one read of a sync log takes in: a hostile or damaged file costs at most
/// this much memory and time.
public struct SyncLogLimits: Hashable, Sendable {
  /// The longest line, in bytes (a change with a note at ``noteScalars`` fits).
  public var lineBytes = 1 << 20
  /// The longest note, in Unicode scalars; a longer local note is written cut to this length.
  public var noteScalars = 100_000
  /// The longest title key, in Unicode scalars; a longer one is written cut to this length.
  public var titleKeyScalars = 2_000
  /// The most bytes one read takes from a file; the rest is read by the next sync.
  public var bytesPerRead = 256 << 20
  /// The most changes one read takes from a file; the rest is read by the next sync.
  public var changesPerRead = 1_000_000

  public init() {}
}
