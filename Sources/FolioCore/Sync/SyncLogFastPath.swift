/// Reads a log line written exactly as ``SyncLogCodec/encode(_:limits:)`` writes it (keys in
/// its order, no spaces, strings without escapes, plain non-negative integers), without a
/// general JSON parser: applying another device's 100,000 changes spent most of its time in
/// `JSONDecoder`. Anything else, however slightly different, is left to the full parser
/// (``SyncLogLine/parse(_:)``), which gives the same answer or the error; so this only
/// ever takes a line the full parser reads the same way.
enum SyncLogFastPath {
  /// The line's fields, or nil when the line is not in the written form.
  static func parse(_ line: some Collection<UInt8>) -> SyncLogLine? {
    line.withContiguousStorageIfAvailable { bytes in
      var scanner = Scanner(bytes: bytes)
      return scanner.line()
    } ?? nil
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func line() -> SyncLogLine? {
      guard expect("{\"v\":"), let version = integer(), expect(",\"wall\":"),
        let wall = integer(), expect(",\"counter\":"), let counter = integer(),
        expect(",\"device\":"), let device = string()
      else { return nil }
      var arxiv: String?
      if expect(",\"arxiv\":") {
        guard let id = string() else { return nil }
        arxiv = id
      }
      guard expect(",\"title_key\":"), let titleKey = string(), expect(",\"field\":"),
        let field = string()
      else { return nil }
      var tag: String?
      if expect(",\"tag\":") {
        guard let name = string() else { return nil }
        tag = name
      }
      guard expect(",\"value\":") else { return nil }
      let value: SyncLogLine.Value
      if expect("true") {
        value = .bool(true)
      } else if expect("false") {
        value = .bool(false)
      } else if expect("null") {
        value = .null
      } else if let text = string() {
        value = .string(text)
      } else {
        return nil
      }
      guard expect("}"), index == bytes.count, version <= Int64(Int.max),
        counter <= Int64(Int.max)
      else { return nil }
      return SyncLogLine(
        version: Int(version), wall: wall, counter: Int(counter), device: device, arxiv: arxiv,
        titleKey: titleKey, field: field, tag: tag, value: value)
    }

    /// Consumes `literal` if the bytes continue with it.
    mutating func expect(_ literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard bytes.count - index >= count else { return false }
      let pointer = literal.utf8Start
      for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
      index += count
      return true
    }

    /// A non-negative integer without leading zeros that fits in 63 bits.
    mutating func integer() -> Int64? {
      let start = index
      var value: Int64 = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
        guard !overflow1, !overflow2 else { return nil }
        value = sum
        index += 1
      }
      let digits = index - start
      guard digits > 0, digits == 1 || bytes[start] != 0x30 else { return nil }
      return value
    }

    /// A string without escapes or control characters, valid UTF-8.
    mutating func string() -> String? {
      guard index < bytes.count, bytes[index] == 0x22 else { return nil }
      let start = index + 1
      var end = start
      while end < bytes.count, bytes[end] != 0x22 {
        // An escape or a raw control character: the full parser decides.
        if bytes[end] == 0x5C || bytes[end] < 0x20 { return nil }
        end += 1
      }
      guard end < bytes.count else { return nil }
      guard let text = String(validating: bytes[start..<end], as: UTF8.self) else { return nil }
      index = end + 1
      return text
    }
  }
}
