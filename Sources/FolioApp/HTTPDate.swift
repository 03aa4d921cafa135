/// RFC 9110 HTTP-dates, as `Retry-After` may carry them: IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
///
/// A small parser rather than a date formatter: it is pure, linear in its input, cannot trap on
/// any input, and the fuzzer drives it.
public enum HTTPDate {
  /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not an HTTP-date.
  public static func secondsSince1970(_ text: String) -> Double? {
    guard text.utf8.count <= 64 else { return nil }
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "\t" })
    var month: Int?
    var numbers: [Int] = []
    var time: [Int]?
    for token in tokens {
      if let index = months.firstIndex(of: token.lowercased()) {
        guard month == nil else { return nil }
        month = index + 1
      } else if token.contains(":") {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard time == nil, parts.count == 3 else { return nil }
        let values = parts.compactMap { $0.count == 2 ? Int($0) : nil }
        guard values.count == 3 else { return nil }
        time = values
      } else if let number = Int(token), token.allSatisfy(\.isASCII), token.count <= 4 {
        numbers.append(number)
      }
    }
    guard let month, let time, numbers.count == 2 else { return nil }
    let day = numbers[0]
    var year = numbers[1]
    // RFC 850's two-digit years: RFC 9110 says a year more than 50 years ahead is in the past;
    // without a clock here, 00-69 are 2000-2069 and 70-99 are 1970-1999.
    if year < 100 { year += year < 70 ? 2000 : 1900 }
    guard (1...31).contains(day), (1970...9999).contains(year), time[0] < 24, time[1] < 60,
      time[2] < 61
    else { return nil }
    let days = daysSince1970(year: year, month: month, day: day)
    return Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2])
  }

  static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
  static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
