import ArgumentParser
import FolioCore
import FolioStore

extension Day: ExpressibleByArgument {
  public init?(argument: String) {
    if argument == "today" {
      self = Day.today()
    } else {
      self.init(argument)
    }
  }
}

extension ImportFormat: ExpressibleByArgument {}

/// Output formats of `list` (and later `similar`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, tsv, json
}
