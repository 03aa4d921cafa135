/// Recognises a file's format from its first bytes, and refuses binary data.
public enum FormatDetector {
  /// The format of `data`.
  ///
  /// Throws when the data is empty, binary (NUL bytes or mostly control bytes), or in a format
  /// Folio does not read.
  public static func detect(_ data: some Collection<UInt8>, file: String) throws -> ImportFormat {
    try rejectBinary(data, file: file)
    guard let first = data.first(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
    else {
      throw ImportError(file: file, line: 1, reason: "empty file: no papers in it")
    }
    switch first {
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      throw ImportError(
        file: file, line: 1, reason: "JSON input is not a format this version of folio reads")
    case UInt8(ascii: "<"):
      throw ImportError(
        file: file, line: 1, reason: "XML input is not a format this version of folio reads")
    default:
      return .text
    }
  }

  /// Throws when `data` looks binary: a NUL byte, or more than one control byte in ten in the
  /// first 4 KiB.
  public static func rejectBinary(_ data: some Collection<UInt8>, file: String) throws {
    var line = 1
    var controls = 0
    var scanned = 0
    for byte in data.prefix(64 * 1024) {
      scanned += 1
      if byte == 0 {
        throw ImportError(
          file: file, line: line, reason: "binary data (NUL byte), not a paper listing")
      }
      if byte == UInt8(ascii: "\n") {
        line += 1
      } else if scanned <= 4096, byte < 0x20, !isSpace(byte), byte != 0x1B {
        controls += 1
      }
    }
    if controls * 10 > min(scanned, 4096) {
      throw ImportError(file: file, line: 1, reason: "binary data, not a paper listing")
    }
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
