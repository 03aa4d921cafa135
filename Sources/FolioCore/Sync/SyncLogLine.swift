import Foundation

/// One log line's JSON object, typed but not yet checked (``SyncLogCodec`` checks it). Read
/// with `JSONDecoder`, which tells `true` from `1`, unlike `JSONSerialization` on Linux.
struct SyncLogLine: Decodable {
  var version: Int
  var wall: Int64
  var counter: Int
  var device: String
  var arxiv: String?
  var titleKey: String
  var field: String
  var tag: String?
  var value: Value

  /// What `value` holds.
  enum Value: Equatable {
    case null
    case bool(Bool)
    case string(String)
    case other
  }

  enum CodingKeys: String, CodingKey {
    case version = "v"
    case wall, counter, device, arxiv, tag, value, field
    case titleKey = "title_key"
  }

  /// Why a line is not a change's object.
  struct ParseError: Error {
    var reason: String
  }

  init(
    version: Int, wall: Int64, counter: Int, device: String, arxiv: String?, titleKey: String,
    field: String, tag: String?, value: Value
  ) {
    self.version = version
    self.wall = wall
    self.counter = counter
    self.device = device
    self.arxiv = arxiv
    self.titleKey = titleKey
    self.field = field
    self.tag = tag
    self.value = value
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func required<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T {
      do {
        return try container.decode(type, forKey: key)
      } catch {
        throw ParseError(
          reason: container.contains(key)
            ? "'\(key.stringValue)' has the wrong type" : "missing '\(key.stringValue)'")
      }
    }
    func optional<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T? {
      do {
        return try container.decodeIfPresent(type, forKey: key)
      } catch {
        throw ParseError(reason: "'\(key.stringValue)' has the wrong type")
      }
    }
    version = try required(Int.self, .version)
    wall = try required(Int64.self, .wall)
    counter = try required(Int.self, .counter)
    device = try required(String.self, .device)
    arxiv = try optional(String.self, .arxiv)
    titleKey = try required(String.self, .titleKey)
    field = try required(String.self, .field)
    tag = try optional(String.self, .tag)
    guard container.contains(.value) else { throw ParseError(reason: "missing 'value'") }
    if try container.decodeNil(forKey: .value) {
      value = .null
    } else if let on = try? container.decode(Bool.self, forKey: .value) {
      value = .bool(on)
    } else if let text = try? container.decode(String.self, forKey: .value) {
      value = .string(text)
    } else {
      value = .other
    }
  }

  /// The object on `line`; invalid UTF-8 and lone surrogate escapes read as U+FFFD, as in
  /// any imported JSON (``JSONInput``).
  static func parse(_ line: some Collection<UInt8>) throws(ParseError) -> SyncLogLine {
    let data = Data(line)
    do {
      return try JSONDecoder().decode(SyncLogLine.self, from: data)
    } catch {
      let repaired = Data(
        JSONInput.repairingSurrogates(String(decoding: data, as: UTF8.self)).utf8)
      guard repaired != data else { throw reason(error) }
      do {
        return try JSONDecoder().decode(SyncLogLine.self, from: repaired)
      } catch {
        throw reason(error)
      }
    }
  }

  /// The one-line reason for a decoding failure.
  private static func reason(_ error: Error) -> ParseError {
    switch error {
    case let error as ParseError: error
    case DecodingError.typeMismatch: ParseError(reason: "not a JSON object")
    default: ParseError(reason: "not valid JSON")
    }
  }
}
