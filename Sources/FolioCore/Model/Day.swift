import Foundation

/// A calendar day, `YYYY-MM-DD`, with no time zone: the day a paper was listed or published.
public struct Day: Hashable, Comparable, Sendable {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A valid calendar date, or nil (`2026-02-30` is nil).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`. Anything else, including impossible dates, is nil.
  public init?(_ text: some StringProtocol) {
    let utf8 = Array(text.utf8)
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in utf8[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The day `date` falls on in `timeZone` (a date beyond year 9999 or before year 1, which
  /// no clock shows, gives the nearest end of ``supported``).
  public init(_ date: Date, in timeZone: TimeZone = .current) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.era, .year, .month, .day], from: date)
    let year = parts.era == 0 ? 0 : parts.year ?? 1970
    self =
      Day(year: year, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? (year < 1970 ? Day.supported.lowerBound : Day.supported.upperBound)
  }

  /// Today in the local time zone.
  public static func today() -> Day { Day(Date()) }

  /// The days Folio accepts as a listing or publication day: whatever the library's sort
  /// key can order (``ordinal`` 0 up to 2^17 - 1, that is 2328-11-11), cut to whole centuries.
  /// A source or argument naming a day outside is refused, or its entry skipped, with a
  /// message saying so (see ``isSupported``).
  public static let supported =
    Day(year: 1970, month: 1, day: 1)!...Day(year: 2199, month: 12, day: 31)!

  /// Whether this day is in ``supported``.
  public var isSupported: Bool { Day.supported.contains(self) }

  /// Days since 1970-01-01 (negative before).
  public var ordinal: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = month
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The day `ordinal` days after 1970-01-01.
  public init?(ordinal: Int) {
    // Years 1...9999 are within ±3 million days; the bound keeps the arithmetic from
    // overflowing on any Int.
    guard (-4_000_000...4_000_000).contains(ordinal) else { return nil }
    let z = ordinal + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// The day `count` days later (earlier when negative); beyond year 1 or 9999, the day
  /// itself.
  public func adding(days count: Int) -> Day {
    // Far beyond any calendar: also keeps `ordinal + count` from overflowing.
    guard (-4_000_000...4_000_000).contains(count) else { return self }
    return Day(ordinal: ordinal + count) ?? self
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

extension Day: CustomStringConvertible {
  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

extension Day: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a YYYY-MM-DD date, got '\(text)'")
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
