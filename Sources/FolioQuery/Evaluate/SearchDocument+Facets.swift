import FolioCore
import FolioStore

extension SearchDocument {
  /// Whether the paper meets `facet`, as the SQL ``PaperFacet`` compiles to selects it.
  func matches(_ facet: PaperFacet) -> Bool {
    switch facet {
    case .category(let value, let prefix):
      return PaperFacet.matches(value, in: categories, prefix: prefix)
    case .keyword(let value, let prefix):
      return PaperFacet.matches(value, in: keywords, prefix: prefix)
    case .organization(let value, let prefix):
      return PaperFacet.matches(value, in: organization, prefix: prefix)
    case .hasSummary: return hasSummary
    case .withdrawn: return isWithdrawn
    case .cachedPDF(let names):
      return !names.isEmpty && names.contains(PDFCache.fileName(id: id, arxivID: arxivID))
    }
  }
}
