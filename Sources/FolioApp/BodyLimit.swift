import Foundation

/// An answer's body as it arrives, refused past a cap: nothing past `maxBytes` is ever kept.
/// The cap counts the bytes Folio is handed, which are already decompressed when the server
/// compressed them, so a small compressed "bomb" is cut as soon as it expands past the cap.
public struct BodyLimit: Sendable {
  public let maxBytes: Int
  public private(set) var data = Data()
  /// Set once the body (or its declared length) went past the cap; `data` is then partial.
  public private(set) var exceeded = false

  public init(maxBytes: Int) {
    self.maxBytes = max(0, maxBytes)
  }

  /// Takes note of a declared `Content-Length` (negative when unknown): false when it is
  /// already past the cap, so the body need not be read at all.
  public mutating func expect(length: Int64) -> Bool {
    if length > Int64(maxBytes) { exceeded = true }
    return !exceeded
  }

  /// Adds `chunk`; false (and nothing added) once the body would go past the cap.
  public mutating func append(_ chunk: Data) -> Bool {
    guard !exceeded, chunk.count <= maxBytes - data.count else {
      exceeded = true
      return false
    }
    data.append(chunk)
    return true
  }
}
