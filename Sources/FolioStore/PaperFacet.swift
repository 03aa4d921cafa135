import FolioCore
import GRDB

/// A condition on what arXiv and Hugging Face say about a paper beyond its text: its
/// categories (`cat:`), Hugging Face's keywords (`kw:`) and organisation (`org:`), whether it
/// has an AI summary (`has:summary`), whether it was withdrawn (`is:withdrawn`).
///
/// Values match whole entries, ignoring the case of ASCII letters (as SQLite's LIKE does), or,
/// with `prefix`, entries that begin with the value (`cat:cs.*`). SQL (``PaperPredicate``) and
/// ``matches(_:in:prefix:)`` in memory mean the same; a property test holds them to it.
public enum PaperFacet: Hashable, Sendable {
  /// An arXiv category, any of the paper's (`cat:cs.LG`, `cat:cs.*`).
  case category(String, prefix: Bool)
  /// One of Hugging Face's AI keywords.
  case keyword(String, prefix: Bool)
  /// The Hugging Face organisation, by handle or display name.
  case organization(String, prefix: Bool)
  /// Papers with a Hugging Face AI summary.
  case hasSummary
  /// Papers Hugging Face marks withdrawn.
  case withdrawn
  /// Papers whose PDF is in Folio's PDF cache (`has:pdf`): whose cache file name
  /// (``FolioCore/PDFCache/fileName(id:arxivID:)``) is one of these, the cache's listing made
  /// by the caller (``FolioCore/PDFCache/cachedNames()``). The parser leaves it empty; the
  /// query compiler fills in its context's names.
  case cachedPDF(Set<String>)

  /// Whether some entry of `values` is `value` (or begins with it, with `prefix`), ignoring the
  /// case of ASCII letters only, code point by code point: exactly what SQLite's LIKE with the
  /// value escaped (and `%` appended for a prefix) selects.
  public static func matches(_ value: String, in values: [String], prefix: Bool) -> Bool {
    let wanted = folded(value)
    return values.contains { entry in
      let have = folded(entry)
      return prefix ? have.starts(with: wanted) : have == wanted
    }
  }

  private static func folded(_ text: String) -> [UInt32] {
    text.unicodeScalars.map { scalar in
      (65...90).contains(scalar.value) ? scalar.value + 32 : scalar.value
    }
  }

  /// The condition checked on each row of `paper p` from its own columns, values bound as
  /// parameters: for a value so common that a walk of the listing meets a screenful of its
  /// papers soon (``FacetIndex/denseCount(papers:)``), cheaper than gathering all of them from the
  /// index first.
  var rowCheck: SQLCondition {
    func like(_ value: String, _ prefix: Bool) -> SQLValue {
      .text(PaperPredicate.escapeLike(value) + (prefix ? "%" : ""))
    }
    // A list column that is not a JSON array (a library written by another tool) has no
    // entries, as its decoding in memory has none; CASE keeps json_each from reading it.
    func listHas(_ column: String, _ value: String, _ prefix: Bool) -> SQLCondition {
      let entries = SQLCondition(
        """
        CASE WHEN json_valid(\(column)) AND json_type(\(column)) = 'array' THEN EXISTS \
        (SELECT 1 FROM json_each(\(column)) WHERE value LIKE ? ESCAPE '\\') ELSE 0 END
        """, [like(value, prefix)])
      // A value Folio writes into the JSON text as it is (printable ASCII but `"` and `\`)
      // must appear in the text, case aside: a cheap test that spares most rows json_each
      // when few papers match (half the time of a scan at 100,000 papers).
      guard
        value.unicodeScalars.allSatisfy({
          (0x20...0x7E).contains($0.value) && $0 != "\"" && $0 != "\\"
        })
      else { return entries }
      // All ASCII here, so lowercased() folds exactly as SQLite's lower() does.
      return SQLCondition(
        "(instr(lower(\(column)), ?) > 0 AND \(entries.sql))",
        [.text(value.lowercased())] + entries.arguments)
    }
    switch self {
    case .category(let value, let prefix): return listHas("p.categories", value, prefix)
    case .keyword(let value, let prefix): return listHas("p.keywords", value, prefix)
    case .organization(let value, let prefix):
      // No organisation never matches: coalesce turns NULL's LIKE to false.
      return SQLCondition(
        "(coalesce(p.org_name LIKE ? ESCAPE '\\', 0) OR coalesce(p.org_fullname LIKE ? ESCAPE '\\', 0))",
        [like(value, prefix), like(value, prefix)])
    case .hasSummary: return SQLCondition("p.hf_summary IS NOT NULL")
    case .withdrawn: return SQLCondition("p.withdrawn != 0")
    case .cachedPDF(let names): return Self.cachedPDFCondition(names)
    }
  }

  /// Membership of the paper's cache file name, computed by the SQL function the store
  /// registers on its connections (``pdfNameFunction``), in the names bound as one JSON array.
  static func cachedPDFCondition(_ names: Set<String>) -> SQLCondition {
    guard !names.isEmpty else { return SQLCondition("0") }
    return SQLCondition(
      "\(pdfNameFunction.name)(p.id, p.arxiv_id) IN (SELECT value FROM json_each(?))",
      [.text(PaperFilter.jsonArray(names.sorted()))])
  }

  /// `folio_pdf_name(id, arxiv_id)`: ``FolioCore/PDFCache/fileName(id:arxivID:)`` in SQL.
  static var pdfNameFunction: DatabaseFunction {
    DatabaseFunction("folio_pdf_name", argumentCount: 2, pure: true) { values in
      guard let id = String.fromDatabaseValue(values[0]) else { return nil }
      return PDFCache.fileName(id: id, arxivID: String.fromDatabaseValue(values[1]))
    }
  }

  /// The condition over `paper p`, values bound as parameters: the listed facets through
  /// their index (``FacetIndex``).
  var sql: SQLCondition {
    switch self {
    case .category, .keyword, .organization:
      guard let (kind, value, prefix) = FacetIndex.lookup(self) else { return SQLCondition("0") }
      return FacetIndex.condition(kind: kind, value: value, prefix: prefix)
    case .hasSummary: return SQLCondition("p.hf_summary IS NOT NULL")
    case .withdrawn: return SQLCondition("p.withdrawn != 0")
    case .cachedPDF(let names): return Self.cachedPDFCondition(names)
    }
  }
}
