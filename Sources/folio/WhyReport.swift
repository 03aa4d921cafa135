import FolioCore
import FolioStore
import Foundation

/// What `folio why` prints: a paper's score, the features behind it and the starred papers
/// most like it, as text or JSON. Every text in it (title, names, words) is the library's, so
/// it reaches the terminal only through the command's inert output.
struct WhyReport {
  var paper: LibraryPaper
  /// Nil while there is no model.
  var explanation: ForYouExplanation?
  var similar: [(paper: LibraryPaper, similarity: Double)]
  /// Papers still to star before the model learns (0 once it has).
  var needed: Int

  /// What a feature is, from its key (``ForYouFeatures``).
  static func kind(_ contribution: ForYouContribution) -> String {
    switch contribution.feature.unicodeScalars.first {
    case "@": "author"
    case "#": "category"
    case "~": "keyword"
    default: "word"
    }
  }

  static func signed(_ value: Double, digits: Int = 3) -> String {
    (value < 0 ? "-" : "+") + String(format: "%.\(digits)f", abs(value))
  }

  func text() -> String {
    let title = TextCleaner.clean(paper.paper.title)
    guard let explanation else {
      return """
        \(paper.paper.id)  \(title)
        no model yet: star \(needed) more paper\(needed == 1 ? "" : "s") (folio star ID) and \
        for-you learns what you like; folio why then says why each paper scores as it does

        """
    }
    var lines = [
      "\(paper.paper.id)  \(title)",
      "for-you score \(String(format: "%.3f", explanation.score))",
    ]
    let up = explanation.contributions.filter { $0.contribution > 0 }
    let down = explanation.contributions.filter { $0.contribution < 0 }
    let labelWidth = min(
      30, explanation.contributions.map { DisplayWidth.of(label($0)) }.max() ?? 0)
    func rows(_ heading: String, _ contributions: [ForYouContribution]) {
      guard !contributions.isEmpty else { return }
      lines += ["", heading]
      for contribution in contributions {
        let name = label(contribution)
        let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(name)))
        lines.append(
          "  \(Self.signed(contribution.contribution))  \(name)\(padding)  "
            + "\(Self.kind(contribution)), weight \(Self.signed(contribution.weight))")
      }
    }
    rows("raised by:", up)
    rows("lowered by:", down)
    if up.isEmpty && down.isEmpty { lines += ["", "no feature of this paper carries weight yet"] }
    if !similar.isEmpty {
      lines += ["", "starred papers most like it:"]
      for (neighbour, similarity) in similar {
        lines.append(
          "  \(String(format: "%.2f", similarity))  \(neighbour.paper.id)  "
            + TextCleaner.clean(neighbour.paper.title))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A feature's label on one line (a name or keyword could hold a line break).
  func label(_ contribution: ForYouContribution) -> String {
    TextCleaner.clean(contribution.label)
  }

  /// `{id, title, score, positives_needed, contributions: [{feature, kind, weight,
  /// contribution}], similar_starred: [{id, title, similarity}]}`; score null and the lists
  /// empty without a model.
  func json() -> JSONValue {
    let contributions = (explanation?.contributions ?? []).map { contribution in
      JSONValue.object([
        ("feature", .string(contribution.label)),
        ("kind", .string(Self.kind(contribution))),
        ("weight", ForYouListing.json(contribution.weight)),
        ("contribution", ForYouListing.json(contribution.contribution)),
      ])
    }
    let neighbours = similar.map { neighbour, similarity in
      JSONValue.object([
        ("id", .string(neighbour.paper.id)),
        ("title", .string(neighbour.paper.title)),
        ("similarity", ForYouListing.json(similarity)),
      ])
    }
    return .object([
      ("id", .string(paper.paper.id)),
      ("title", .string(paper.paper.title)),
      ("score", ForYouListing.json(explanation?.score)),
      ("positives_needed", .int(needed)),
      ("contributions", .array(contributions)),
      ("similar_starred", .array(neighbours)),
    ])
  }
}
