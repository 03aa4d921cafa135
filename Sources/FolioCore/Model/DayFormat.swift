/// How days are shown: a `strftime`-style pattern with `%Y` (2026), `%y` (26), `%m` (11),
/// `%d` (07), `%e` (7), `%b` (Nov), `%B` (November), `%a` (Fri), `%A` (Friday) and `%%`.
public struct DayFormat: Hashable, Sendable {
  public var pattern: String

  public init(_ pattern: String) {
    self.pattern = pattern
  }

  /// ISO 8601: `2026-11-27`.
  public static let iso = DayFormat("%Y-%m-%d")

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  static let weekdayNames = [
    "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday",
  ]

  /// Whether every `%` in the pattern starts a known directive.
  public var isValid: Bool {
    var characters = pattern.makeIterator()
    while let character = characters.next() {
      guard character == "%" else { continue }
      guard let directive = characters.next(), "YymdebBaA%".contains(directive) else {
        return false
      }
    }
    return true
  }

  public func string(from day: Day) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var out = ""
    var characters = pattern.makeIterator()
    while let character = characters.next() {
      guard character == "%", let directive = characters.next() else {
        out.append(character)
        continue
      }
      let weekday = Self.weekdayNames[((day.ordinal % 7) + 7) % 7]
      switch directive {
      case "Y": out += String(day.year)
      case "y": out += two(day.year % 100)
      case "m": out += two(day.month)
      case "d": out += two(day.day)
      case "e": out += String(day.day)
      case "b": out += String(Self.monthNames[day.month - 1].prefix(3))
      case "B": out += Self.monthNames[day.month - 1]
      case "a": out += String(weekday.prefix(3))
      case "A": out += weekday
      case "%": out += "%"
      default: out += "%" + String(directive)
      }
    }
    return out
  }
}
