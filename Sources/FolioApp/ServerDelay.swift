/// How long a server asks Folio to wait before asking again, read from `Retry-After`
/// (delta-seconds or an HTTP-date), `RateLimit` (`"policy";r=0;t=30` or `reset=30`) and
/// `RateLimit-Reset` (seconds).
///
/// The answer is a number of seconds, never negative, possibly infinite (`inf`, `1e300`, a
/// date far ahead); what is not a number (`nan`, garbage) counts as not asked. Callers clamp it
/// before it becomes anything but a Double.
public enum ServerDelay {
  /// The delay the headers ask for (names in lower case), or nil when they ask for none.
  /// `now` is seconds since 1970, for HTTP-dates.
  public static func seconds(headers: [String: String], now: Double) -> Double? {
    if let value = headers["retry-after"] {
      if let seconds = deltaSeconds(value) { return seconds }
      if let date = HTTPDate.secondsSince1970(value.trimmed) {
        // A date in the past asks for no wait at all (the floor still applies).
        return max(0, date - now)
      }
    }
    if let value = headers["ratelimit"], let seconds = rateLimitReset(value) { return seconds }
    if let value = headers["ratelimit-reset"], let seconds = deltaSeconds(value) { return seconds }
    return nil
  }

  /// A number of seconds: RFC 9110's delta-seconds (digits), and leniently any decimal a server
  /// might send. Negative is 0; too many digits and infinities are infinite; NaN is nil.
  public static func deltaSeconds(_ text: String) -> Double? {
    let text = text.trimmed
    guard !text.isEmpty, text.utf8.count <= 64 else {
      // A digit string this long asks for longer than the universe has existed.
      return !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? .infinity : nil
    }
    guard let value = Double(text), !value.isNaN else { return nil }
    return max(0, value)
  }

  /// The reset time in a `RateLimit` field: the largest `t=` or `reset=` parameter over all its
  /// policies.
  static func rateLimitReset(_ value: String) -> Double? {
    var found: Double?
    for parameter in value.split(whereSeparator: { $0 == ";" || $0 == "," }).prefix(64) {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let name = parts[0].trimmed.lowercased()
      guard name == "t" || name == "reset", let seconds = deltaSeconds(String(parts[1])) else {
        continue
      }
      found = max(found ?? 0, seconds)
    }
    return found
  }
}

extension StringProtocol {
  fileprivate var trimmed: String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
