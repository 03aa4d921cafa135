import Foundation

/// The sync log's format: JSON Lines, one change per line, each an object with a format
/// version.
///
/// ```
/// {"v":1,"wall":1795900000000,"counter":0,"device":"0f3a9c2e7b1d4e58","arxiv":"2401.01234","title_key":"attention is all you need","field":"tag","tag":"survey/llm","value":true}
/// ```
///
/// `arxiv` is left out for a paper without an arXiv id. `field` is `starred`, `read`,
/// `dismissed`, `viewed`, `opened` (`value` true or false), `note` (`value` a string, or null
/// when removed) or `tag` (`tag` the name as written, `value` true when added). Reading is
/// strict: anything else is an error naming the line, never a crash; text is cleaned as any
/// feed's text is. A field added later (`viewed` and `opened` came with the for-you signals)
/// keeps version 1: a Folio from before it stops at that line with "unknown field ... is this
/// log from a newer Folio?" (exit 65) and reads that file no further until it is updated.
public enum SyncLogCodec {
  /// The format version written and the only one read.
  public static let version = 1

  /// The change as one line, ending in a newline. A note or title key over the caps is cut to
  /// them, so every line written can be read back.
  public static func encode(_ change: SyncChange, limits: SyncLogLimits = SyncLogLimits())
    -> String
  {
    var out = "{\"v\":\(version),\"wall\":\(change.clock.wall),\"counter\":\(change.clock.counter)"
    out += ",\"device\":"
    JSONValue.quote(change.clock.device, into: &out)
    if let arxiv = change.paper.arxivID {
      out += ",\"arxiv\":"
      JSONValue.quote(arxiv, into: &out)
    }
    out += ",\"title_key\":"
    JSONValue.quote(cut(change.paper.titleKey, to: limits.titleKeyScalars), into: &out)
    switch change.edit {
    case .starred(let on): out += ",\"field\":\"starred\",\"value\":\(on)"
    case .read(let on): out += ",\"field\":\"read\",\"value\":\(on)"
    case .dismissed(let on): out += ",\"field\":\"dismissed\",\"value\":\(on)"
    case .viewed(let on): out += ",\"field\":\"viewed\",\"value\":\(on)"
    case .opened(let on): out += ",\"field\":\"opened\",\"value\":\(on)"
    case .note(let text):
      out += ",\"field\":\"note\",\"value\":"
      if let text {
        JSONValue.quote(cut(text, to: limits.noteScalars), into: &out)
      } else {
        out += "null"
      }
    case .tag(let name, let on):
      out += ",\"field\":\"tag\",\"tag\":"
      JSONValue.quote(name.name, into: &out)
      out += ",\"value\":\(on)"
    }
    return out + "}\n"
  }

  /// What one read of a log produced.
  public struct Batch: Sendable {
    /// The changes, in the file's order.
    public var changes: [SyncChange]
    /// Bytes taken: up to the end of the last whole line read. A last line without its
    /// newline (a writer interrupted, a file half copied) is left for the next read, as are
    /// lines past the caps.
    public var consumed: Int
    /// Lines taken, so the next read numbers its lines on from here.
    public var lines: Int
  }

  /// Reads the whole lines of `bytes`, a log's contents from some offset whose first line is
  /// line `firstLine` of `file`. Blank lines are skipped. Throws ``SyncLogError`` for the first
  /// bad line.
  public static func decode(
    _ bytes: some Collection<UInt8>, file: String, firstLine: Int = 1,
    limits: SyncLogLimits = SyncLogLimits()
  ) throws(SyncLogError) -> Batch {
    let buffer = Array(bytes.prefix(limits.bytesPerRead))
    var changes: [SyncChange] = []
    var start = 0
    var lines = 0
    while start < buffer.count, changes.count < limits.changesPerRead {
      guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        if buffer.count - start > limits.lineBytes {
          throw SyncLogError(
            file: file, line: firstLine + lines,
            reason: "line longer than \(limits.lineBytes) bytes")
        }
        break
      }
      let lineNumber = firstLine + lines
      if newline - start > limits.lineBytes {
        throw SyncLogError(
          file: file, line: lineNumber, reason: "line longer than \(limits.lineBytes) bytes")
      }
      let line = buffer[start..<newline]
      start = newline + 1
      lines += 1
      guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
      do {
        changes.append(try decodeLine(line, limits: limits))
      } catch {
        throw SyncLogError(file: file, line: lineNumber, reason: error.reason)
      }
    }
    return Batch(changes: changes, consumed: start, lines: lines)
  }

  /// Why one line is bad.
  struct LineError: Error {
    var reason: String
  }

  /// One line's change.
  static func decodeLine(
    _ line: some Collection<UInt8>, limits: SyncLogLimits, fastPath: Bool = true
  ) throws(LineError) -> SyncChange {
    let fields: SyncLogLine
    if fastPath, let written = SyncLogFastPath.parse(line) {
      fields = written
    } else {
      do {
        fields = try SyncLogLine.parse(line)
      } catch {
        throw LineError(reason: error.reason)
      }
    }
    return try change(fields, limits: limits)
  }

  /// The change a parsed line's object holds, checked and cleaned.
  static func change(_ fields: SyncLogLine, limits: SyncLogLimits) throws(LineError)
    -> SyncChange
  {
    guard fields.version == version else {
      throw LineError(
        reason: "unsupported log version \(fields.version) (this Folio reads \(version))")
    }
    let clock = HybridClock(wall: fields.wall, counter: fields.counter, device: fields.device)
    guard clock.isWithinLimits else {
      throw LineError(reason: "clock out of range (wall 0...\(HybridClock.wallLimit) ms)")
    }
    guard DeviceID.isValid(fields.device) else {
      throw LineError(reason: "'device' is not 16 lowercase hex digits")
    }
    var arxivID: String?
    if let raw = fields.arxiv {
      guard let id = ArxivID.normalize(raw) else {
        throw LineError(reason: "'\(TextCleaner.inert(String(raw.prefix(40))))' is not an arXiv id")
      }
      arxivID = id
    }
    let titleKey = TextCleaner.clean(fields.titleKey)
    guard !titleKey.isEmpty else { throw LineError(reason: "'title_key' is empty") }
    guard titleKey.unicodeScalars.count <= limits.titleKeyScalars else {
      throw LineError(reason: "'title_key' longer than \(limits.titleKeyScalars) characters")
    }
    let paper = SyncPaperKey(arxivID: arxivID, titleKey: titleKey)
    return SyncChange(clock: clock, paper: paper, edit: try edit(fields, limits: limits))
  }

  private static func edit(_ fields: SyncLogLine, limits: SyncLogLimits) throws(LineError)
    -> SyncEdit
  {
    func flag() throws(LineError) -> Bool {
      guard case .bool(let on) = fields.value else {
        throw LineError(reason: "'value' of '\(fields.field)' must be true or false")
      }
      return on
    }
    switch fields.field {
    case "starred": return .starred(try flag())
    case "read": return .read(try flag())
    case "dismissed": return .dismissed(try flag())
    case "viewed": return .viewed(try flag())
    case "opened": return .opened(try flag())
    case "note":
      switch fields.value {
      case .null: return .note(nil)
      case .string(let raw):
        guard raw.unicodeScalars.count <= limits.noteScalars else {
          throw LineError(reason: "note longer than \(limits.noteScalars) characters")
        }
        let text = TextCleaner.cleanMultiline(raw)
        return .note(text.isEmpty ? nil : text)
      default: throw LineError(reason: "'value' of 'note' must be a string or null")
      }
    case "tag":
      guard let raw = fields.tag else { throw LineError(reason: "missing 'tag'") }
      guard let name = TagName(raw) else {
        throw LineError(reason: "'\(TextCleaner.inert(String(raw.prefix(80))))': \(TagName.rule)")
      }
      return .tag(name, try flag())
    default:
      throw LineError(
        reason: "unknown field '\(TextCleaner.inert(String(fields.field.prefix(40))))'"
          + " (starred, read, dismissed, viewed, opened, note or tag;"
          + " is this log from a newer Folio?)")
    }
  }

  /// `text` cut to at most `limit` Unicode scalars.
  static func cut(_ text: String, to limit: Int) -> String {
    guard text.unicodeScalars.count > limit else { return text }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: text.unicodeScalars.prefix(limit))
    return String(out)
  }
}
