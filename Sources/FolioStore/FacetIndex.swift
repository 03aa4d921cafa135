import GRDB

/// The index of `cat:`, `kw:` and `org:` (`paper_facet`, migration `v11-facets`): one row per
/// (kind, case-folded value, paper), so a value few papers have is found without reading every
/// paper's lists, and the listing can walk one value's papers in listing order.
///
/// Values are folded as ``PaperFacet/matches(_:in:prefix:)`` folds them (ASCII letters only,
/// as SQLite's `lower()` does), so an exact condition is an equality on `value` and a prefix
/// one a range. Rows are keyed by the paper's sort key, which changes with its day and
/// upvotes: the triggers move a paper's rows when it does.
enum FacetIndex {
  /// `paper_facet.kind` of each listed facet. Stored: never renumber.
  static let categoryKind = 1
  static let keywordKind = 2
  static let organizationKind = 3

  /// Papers a facet value must have, at least, to be checked row by row in a page's walk of
  /// a library of `papers` rather than gathered from the index. Walking finds a screenful
  /// (40 rows) of a value with `m` papers after about 40·papers/m rows; gathering reads all
  /// `m` rows (to sort them in another order), each read costing about twice a row's check:
  /// the two meet at m = √(20·papers), 1,400 at 100,000 papers and 4,500 at a million
  /// (measured: at 100,000 papers a value with 4,167 papers took 18 ms gathered, 4 ms
  /// walked). Bounded by ``maxDenseCount``, so the count that decides stays short.
  static func denseCount(papers: Int) -> Int {
    min(maxDenseCount, max(minDenseCount, Int((20 * Double(max(0, papers))).squareRoot())))
  }

  /// The bounds of ``denseCount(papers:)``: counting never goes past `maxDenseCount` index
  /// entries; below `minDenseCount` papers a value is always gathered (small libraries).
  static let maxDenseCount = 5_000
  static let minDenseCount = 256

  /// The most facets of one query probed for their density; the rest use the index.
  static let maxFacets = 16

  /// Whether `facet` has `threshold` papers or more: a count over the index, stopped there.
  static func isDense(_ facet: PaperFacet, threshold: Int, _ db: Database) throws -> Bool {
    guard let (kind, value, prefix) = lookup(facet) else { return false }
    let (range, arguments) = valueRange(kind: kind, value: value, prefix: prefix, alias: "pf")
    let count = try Int.fetchOne(
      db,
      sql: "SELECT count(*) FROM (SELECT 1 FROM paper_facet pf WHERE \(range) LIMIT \(threshold))",
      arguments: StatementArguments(arguments.map(\.databaseValue)))
    return (count ?? 0) >= threshold
  }

  /// `filter` with its dense facets marked (``PaperFilter/denseFacets``), for a page of it.
  /// The library's size is taken from its last `seq`, an index lookup (never below the count).
  static func withDenseFacets(_ filter: PaperFilter, _ db: Database) throws -> PaperFilter {
    let facets = filter.checkedFacets
    guard !facets.isEmpty else { return filter }
    let papers = try Int.fetchOne(db, sql: "SELECT max(seq) FROM paper") ?? 0
    let threshold = denseCount(papers: papers)
    var planned = filter
    planned.denseFacets = Set(try facets.filter { try isDense($0, threshold: threshold, db) })
    return planned
  }

  /// The kind and the value to look up, for the facets the index holds; nil for the others.
  static func lookup(_ facet: PaperFacet) -> (kind: Int, value: String, prefix: Bool)? {
    switch facet {
    case .category(let value, let prefix): (categoryKind, fold(value), prefix)
    case .keyword(let value, let prefix): (keywordKind, fold(value), prefix)
    case .organization(let value, let prefix): (organizationKind, fold(value), prefix)
    case .hasSummary, .withdrawn, .cachedPDF: nil
    }
  }

  /// `text` with ASCII capitals made small and nothing else changed: SQLite's `lower()`.
  static func fold(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append(
        (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar)
    }
    return String(scalars)
  }

  /// The smallest string above every string that begins with `prefix`, in SQLite's BINARY
  /// order (UTF-8 bytes, which is code point order): `prefix` with its last scalar raised by
  /// one. Nil when no such string exists (only U+10FFFF scalars), and for the empty prefix.
  static func upperBound(ofPrefix prefix: String) -> String? {
    var scalars = Array(prefix.unicodeScalars)
    while let last = scalars.popLast() {
      var next = last.value + 1
      if next == 0xD800 { next = 0xE000 }  // surrogates are not scalars
      if let raised = Unicode.Scalar(next) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        view.append(raised)
        return String(view)
      }
    }
    return nil
  }

  /// The condition "paper `p` has this value (or a value with this prefix)", over the index.
  static func condition(kind: Int, value: String, prefix: Bool) -> SQLCondition {
    let (range, arguments) = valueRange(kind: kind, value: value, prefix: prefix, alias: "pf")
    return SQLCondition(
      "p.sort_key IN (SELECT pf.sort_key FROM paper_facet pf WHERE \(range))", arguments)
  }

  /// The condition on `alias.kind` and `alias.value` that selects the facet's rows: an
  /// equality, or a range of the index for a prefix.
  static func valueRange(
    kind: Int, value: String, prefix: Bool, alias: String
  ) -> (String, [SQLValue]) {
    guard prefix else {
      return ("\(alias).kind = ? AND \(alias).value = ?", [.integer(kind), .text(value)])
    }
    if value.isEmpty { return ("\(alias).kind = ?", [.integer(kind)]) }
    if let upper = upperBound(ofPrefix: value) {
      return (
        "\(alias).kind = ? AND \(alias).value >= ? AND \(alias).value < ?",
        [.integer(kind), .text(value), .text(upper)]
      )
    }
    return (
      "\(alias).kind = ? AND \(alias).value >= ? AND substr(\(alias).value, 1, length(?)) = ?",
      [.integer(kind), .text(value), .text(value), .text(value)]
    )
  }

  // MARK: - Schema (frozen: used by migration v11-facets)

  /// The facet rows of the paper row `row` (`new` or `old` in a trigger; with `table`, an
  /// alias of it there): the text entries of its categories and keywords when they are JSON
  /// arrays (anything else has no entries, as its decoding in memory has none), and its
  /// organisation's names.
  static func rows(of row: String, table: String? = nil) -> String {
    let from = table.map { "FROM \($0)" } ?? ""
    let joined = table.map { "\($0), " } ?? ""
    func list(_ kind: Int, _ column: String) -> String {
      """
      SELECT \(kind), lower(j.value), \(row).sort_key FROM \(joined)json_each(CASE WHEN \
      json_valid(\(row).\(column)) AND json_type(\(row).\(column)) = 'array' \
      THEN \(row).\(column) ELSE '[]' END) j WHERE j.type = 'text'
      """
    }
    func name(_ column: String) -> String {
      """
      SELECT \(organizationKind), lower(\(row).\(column)), \(row).sort_key \(from) \
      WHERE \(row).\(column) IS NOT NULL
      """
    }
    return [
      list(categoryKind, "categories"), list(keywordKind, "keywords"), name("org_name"),
      name("org_fullname"),
    ].joined(separator: " UNION ALL ")
  }

  /// Statements deleting the facet rows of one paper, whose columns `column` names (`old.x`
  /// in a trigger, a scalar subquery elsewhere): one per kind, each an equality on the
  /// kind and the sort key and a list of values, so every row is a seek of the primary key
  /// (a row-value `IN` over the three columns scanned the whole table).
  static func deletions(_ column: (String) -> String) -> [String] {
    func list(_ kind: Int, _ name: String) -> String {
      let value = column(name)
      return """
        DELETE FROM paper_facet WHERE kind = \(kind) AND sort_key = \(column("sort_key")) \
        AND value IN (SELECT lower(j.value) FROM json_each(CASE WHEN json_valid(\(value)) \
        AND json_type(\(value)) = 'array' THEN \(value) ELSE '[]' END) j WHERE j.type = 'text');
        """
    }
    return [
      list(categoryKind, "categories"), list(keywordKind, "keywords"),
      """
      DELETE FROM paper_facet WHERE kind = \(organizationKind) \
      AND sort_key = \(column("sort_key")) \
      AND value IN (lower(\(column("org_name"))), lower(\(column("org_fullname"))));
      """,
    ]
  }

  /// The triggers that keep `paper_facet` right as papers are added, changed and removed.
  /// An update that leaves the listed columns and the sort key as they were costs nothing.
  static let triggers = """
    CREATE TRIGGER paper_facet_insert AFTER INSERT ON paper BEGIN
      INSERT OR IGNORE INTO paper_facet (kind, value, sort_key) \(rows(of: "new"));
    END;
    CREATE TRIGGER paper_facet_delete AFTER DELETE ON paper BEGIN
      \(deletions { "old.\($0)" }.joined(separator: "\n"))
    END;
    CREATE TRIGGER paper_facet_update
    AFTER UPDATE OF categories, keywords, org_name, org_fullname, sort_key ON paper
    WHEN old.categories IS NOT new.categories OR old.keywords IS NOT new.keywords
      OR old.org_name IS NOT new.org_name OR old.org_fullname IS NOT new.org_fullname
      OR old.sort_key IS NOT new.sort_key
    BEGIN
      \(deletions { "old.\($0)" }.joined(separator: "\n"))
      INSERT OR IGNORE INTO paper_facet (kind, value, sort_key) \(rows(of: "new"));
    END;
    """

  /// The names of ``triggers``, for an import that sets them aside (``FullTextBatch``).
  static let triggerNames = ["paper_facet_insert", "paper_facet_delete", "paper_facet_update"]

  /// Creates the table and its triggers and fills it for the papers already stored.
  static func create(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE paper_facet (
          kind INTEGER NOT NULL,            -- FacetIndex: 1 category, 2 keyword, 3 organisation
          value TEXT NOT NULL,              -- the entry, ASCII letters folded to small
          sort_key INTEGER NOT NULL,        -- the paper's paper.sort_key
          PRIMARY KEY (kind, value, sort_key)
        ) WITHOUT ROWID;
        \(fill)
        \(triggers)
        """)
  }

  /// Fills `paper_facet` for every stored paper, sorted first so the index is written in
  /// order.
  static let fill = """
    INSERT OR IGNORE INTO paper_facet (kind, value, sort_key)
    \(rows(of: "p", table: "paper p")) ORDER BY 1, 2, 3;
    """
}
