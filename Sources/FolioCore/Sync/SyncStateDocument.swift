import Foundation

/// The whole reading state as one JSON document (`folio state export` / `folio state import`),
/// for moving to a new machine without a sync folder: the changes that set every field now,
/// each with its clock, one per line, in the log's own form (``SyncLogCodec``).
///
/// ```
/// {"format":"folio-state","version":1,"device":"0f3a9c2e7b1d4e58","changes":[
/// {"v":1,"wall":1795900000000,"counter":0,"device":"0f3a9c2e7b1d4e58","arxiv":"2401.01234",...},
/// ...
/// ]}
/// ```
///
/// Importing applies them as a sync would: the later clock wins per paper and field, so a
/// document imported twice, or into a library that has moved on, changes only what is older.
public enum SyncStateDocument {
  /// The value of `format`.
  public static let format = "folio-state"
  /// The document version written and the only one read.
  public static let version = 1

  /// The document for `changes`, made on `device`.
  public static func encode(
    _ changes: [SyncChange], device: String, limits: SyncLogLimits = SyncLogLimits()
  ) -> String {
    var out = "{\"format\":\"\(format)\",\"version\":\(version),\"device\":"
    JSONValue.quote(device, into: &out)
    out += ",\"changes\":["
    for (index, change) in changes.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out += SyncLogCodec.encode(change, limits: limits).dropLast()
    }
    return out + "\n]}\n"
  }

  /// The changes of a document read from `file`. Strict like a log: a wrong format or
  /// version, or any bad change (named by its position), throws ``SyncLogError`` (exit 65).
  public static func decode(
    _ bytes: some Collection<UInt8>, file: String, limits: SyncLogLimits = SyncLogLimits()
  ) throws(SyncLogError) -> [SyncChange] {
    guard bytes.count <= limits.bytesPerRead else {
      throw SyncLogError(file: file, reason: "larger than \(limits.bytesPerRead >> 20) MiB")
    }
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: Data(bytes))
    } catch let error as SyncLogLine.ParseError {
      throw SyncLogError(file: file, reason: error.reason)
    } catch {
      throw SyncLogError(
        file: file, reason: "not a Folio state document (JSON with format, version, changes)")
    }
    guard document.format == format else {
      throw SyncLogError(
        file: file, reason: "not a Folio state document ('format' is not \(format))")
    }
    guard document.version == version else {
      throw SyncLogError(
        file: file,
        reason: "unsupported state version \(document.version) (this Folio reads \(version))")
    }
    guard document.changes.count <= limits.changesPerRead else {
      throw SyncLogError(file: file, reason: "more than \(limits.changesPerRead) changes")
    }
    var changes: [SyncChange] = []
    changes.reserveCapacity(document.changes.count)
    for (index, element) in document.changes.enumerated() {
      do {
        let fields = try element.fields.get()
        changes.append(try SyncLogCodec.change(fields, limits: limits))
      } catch {
        throw SyncLogError(file: file, reason: "change \(index + 1): \(error.reason)")
      }
    }
    return changes
  }

  private struct Document: Decodable {
    var format: String
    var version: Int
    var changes: [Element]
  }

  /// One change, or why it is not one: a bad change is reported with its position.
  private struct Element: Decodable {
    var fields: Result<SyncLogLine, SyncLogCodec.LineError>

    init(from decoder: Decoder) throws {
      do {
        fields = .success(try SyncLogLine(from: decoder))
      } catch let error as SyncLogLine.ParseError {
        fields = .failure(SyncLogCodec.LineError(reason: error.reason))
      } catch {
        fields = .failure(SyncLogCodec.LineError(reason: "not a JSON object"))
      }
    }
  }
}
