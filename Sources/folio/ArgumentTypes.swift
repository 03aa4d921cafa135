import ArgumentParser
import FolioCore
import FolioStore

extension Day: ExpressibleByArgument {
  public init?(argument: String) {
    if argument == "today" {
      self = Day.today()
    } else {
      // Only the days Folio can list (Day.supported): argument-parser names the bad value.
      guard let day = Day(argument), day.isSupported else { return nil }
      self = day
    }
  }
}

extension ImportFormat: ExpressibleByArgument {}

/// Output formats of `list` (and later `similar`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, tsv, json
}
