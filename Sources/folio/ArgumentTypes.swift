import ArgumentParser
import FolioCore
import FolioQuery
import FolioReader
import FolioStore

extension Day: ExpressibleByArgument {
  /// `YYYY-MM-DD`, `today` or `yesterday` (any case): the single days a query's `day:`
  /// accepts (`-7d` is a range, so it stays a query's).
  public init?(argument: String) {
    switch argument.lowercased() {
    case "today": self = Day.today()
    case "yesterday": self = Day.today().adding(days: -1)
    default:
      // Only the days Folio can list (Day.supported): argument-parser names the bad value.
      guard let day = Day(argument), day.isSupported else { return nil }
      self = day
    }
  }
}

extension Day {
  /// `--day`'s value, as `init?(argument:)` reads it, but saying why a value is refused
  /// (argument-parser puts the reason after "The value '...' is invalid for '--day'").
  static func fromArgument(_ argument: String) throws -> Day {
    if let day = Day(argument: argument) { return day }
    if Day(argument) != nil {
      throw ValidationError(
        "Folio lists days from \(Day.supported.lowerBound) to \(Day.supported.upperBound)")
    }
    throw ValidationError("expected YYYY-MM-DD, today or yesterday")
  }
}

extension ImportFormat: ExpressibleByArgument {}

/// Output formats of `list` (and later `similar`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, tsv, json
}

/// What the shells complete where: file paths for files, the names `folio themes` and
/// `folio topics` list for themes and topics.
enum Completions {
  static let days = CompletionKind.list(["today", "yesterday"])
  static let themeNames = CompletionKind.custom { _, _, _ in ThemeCatalog.loading().names }
  static let topicNames = CompletionKind.custom { _, _, _ in
    TopicSet.loading().topics.topics.map(\.name)
  }
}

// MARK: - Sort (triage)

extension ListingOrder: ExpressibleByArgument {}
