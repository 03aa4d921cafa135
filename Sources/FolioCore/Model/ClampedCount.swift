import Foundation

/// Counts a source gives (upvotes, comments, stars) as Folio keeps them: whole numbers from 0
/// to ``max``. A larger one (`1e300`, `99999999999999999999`) is kept as ``max``, a negative
/// one as 0; one that is not a number at all (`nan`, `"many"`, `true`) is unknown. Never
/// wrapped: `NSNumber.intValue` of `1e300` is -9223372036854775808.
public enum ClampedCount {
  /// The largest count stored: a billion, beyond any real count, far inside Int64.
  public static let max = 1_000_000_000

  /// `value` (a JSON number or string of digits) as a count, or nil when it is none.
  public static func from(_ value: Any?) -> Int? {
    switch value {
    case nil: return nil
    case let text as String: return from(text)
    case let number as NSNumber:
      // A JSON `true` is an NSNumber too, of the boolean class; `is Bool` cannot tell, since
      // on Linux a JSON 0 or 1 also answers yes to it (so upvotes of 1 read as unknown).
      if isJSONBoolean(number) { return nil }
      // Through Double: exact for every count up to `max`, and beyond it only the clamp
      // matters.
      return from(number.doubleValue)
    default: return nil
    }
  }

  /// Whether `number` is a JSON `true` or `false` rather than a number.
  static func isJSONBoolean(_ number: NSNumber) -> Bool {
    type(of: number) == type(of: booleanNumber)
  }

  private static let booleanNumber = NSNumber(value: true)

  /// `text` (optional sign, digits, or a decimal number such as `1e300`) as a count.
  public static func from(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let exact = Int(trimmed) { return clamp(exact) }
    // Digits beyond Int, or a decimal: its value decides, never its bits.
    guard trimmed.count <= 400, let value = Double(trimmed) else { return nil }
    return from(value)
  }

  /// `value` rounded down to a count; nil for NaN.
  public static func from(_ value: Double) -> Int? {
    guard !value.isNaN else { return nil }
    if value >= Double(max) { return max }
    if value <= 0 { return 0 }
    return Int(value)
  }

  /// `value` within 0...``max``.
  public static func clamp(_ value: Int) -> Int {
    Swift.min(Swift.max(0, value), max)
  }
}
