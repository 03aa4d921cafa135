/// A device's id in sync logs: 16 lowercase hexadecimal digits (64 bits) from the system's
/// random generator, made once per library. Two devices picking the same id is as unlikely as
/// a 64-bit collision; the id also names the device's log file, so it is checked wherever it
/// is read (``isValid(_:)``) and can never name a path outside the sync folder.
public enum DeviceID {
  /// The number of hexadecimal digits.
  public static let length = 16

  /// A new id.
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return make(using: &generator)
  }

  /// A new id drawn from `generator` (tests pass a seeded one).
  public static func make(using generator: inout some RandomNumberGenerator) -> String {
    let value = generator.next() as UInt64
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: length - hex.count) + hex
  }

  /// Whether `text` is exactly 16 lowercase hexadecimal digits.
  public static func isValid(_ text: String) -> Bool {
    text.utf8.count == length
      && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
