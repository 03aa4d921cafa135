import FolioCore
import FolioStore

/// One importer on arbitrary bytes: detection and reading never crash, failures are
/// ``ImportError``s, every paper read is inert and has a title, and merging the papers into a
/// library works.
enum ImporterTarget {
  static func findings(_ data: [UInt8], format: ImportFormat) -> [String] {
    var findings: [String] = []
    _ = try? FormatDetector.detect(data, file: "fuzz")
    for skipBad in format == .jsonl ? [false, true] : [false] {
      let context = ImportContext(
        file: "fuzz", day: Day(year: 2026, month: 11, day: 27)!, source: format.sourceName,
        skipBad: skipBad)
      var papers: [Paper] = []
      do {
        try format.importer.read(data, context: context) { papers.append($0) }
      } catch is ImportError {
        continue
      } catch {
        findings.append("\(format.rawValue) threw a non-import error: \(error)")
        continue
      }
      for paper in papers {
        if paper.title.isEmpty { findings.append("a paper without a title: \(paper)") }
        findings += InertText.findings(in: paper)
      }
      findings += merge(papers, format: format)
    }
    return findings
  }

  /// Merges `papers` into a library, as `folio import` would after reading them.
  private static func merge(_ papers: [Paper], format: ImportFormat) -> [String] {
    guard !papers.isEmpty else { return [] }
    do {
      let store = try SharedLibrary.store()
      _ = try store.importPapers(file: "fuzz", format: format.rawValue, source: "fuzz") {
        session in
        for paper in papers { try session.add(paper) }
      }
      return []
    } catch {
      return ["merging \(papers.count) papers failed: \(error)"]
    }
  }
}
