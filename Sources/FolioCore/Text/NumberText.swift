/// Numbers as the reader and the CLI print them.
public enum NumberText {
  /// `1234567` as `1,234,567` (and `-1234` as `-1,234`): thousands grouped with commas, the
  /// same in every locale, so output and snapshots do not depend on the user's settings.
  public static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = number < 0 ? "-" : ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
