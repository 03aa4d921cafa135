import ArgumentParser
import FolioStore

/// `--db PATH`, accepted by every command, before or after the subcommand name.
struct LibraryOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The library file (default: $FOLIO_DB, else $XDG_DATA_HOME/folio/folio.sqlite).",
      valueName: "path"),
    completion: .file())
  var path: String?

  /// Opens the library this invocation names.
  func open() throws(StoreError) -> LibraryStore {
    try LibraryStore.open(at: LibraryLocation.resolve(explicit: path))
  }
}
