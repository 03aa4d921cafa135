/// Which papers the reader asks the app to send to Zotero (issue 20): `Z`'s one paper, or
/// every starred paper after the user said yes to their count.
public enum ZoteroRequest: Hashable, Sendable {
  /// The paper with this id.
  case paper(id: String)
  /// The starred papers of every day (what `e` exports), `count` of them when the user was
  /// asked.
  case starred(count: Int)

  /// The most starred papers the reader sends at once, as `folio zotero` (each is a request
  /// to the Zotero app, read into memory first); a larger set is refused with a pointer to
  /// `folio zotero --starred --filter QUERY`, which sends a part.
  public static let starredLimit = 1_000
}
