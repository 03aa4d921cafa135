import Foundation
import XCTest

/// The state machine knows nothing of how it is drawn: no file of `State/` names a type
/// declared in `View/` (the views read the state, never the other way round).
final class StateLayeringTests: XCTestCase {
  static let readerSources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/FolioReader")

  func testStateNamesNoViewType() throws {
    let viewTypes = try Set(
      swiftFiles(in: "View").flatMap { file in
        let text = try String(contentsOf: file, encoding: .utf8)
        return matches(of: #"(?m)^(?:public )?(?:enum|struct|class|final class) (\w+)"#, in: text)
      })
    XCTAssertTrue(viewTypes.contains("ReaderView"), "the views were found: \(viewTypes)")
    for file in try swiftFiles(in: "State") {
      // Comments may name a view (to say who draws what); code may not.
      let code = try String(contentsOf: file, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
        .joined(separator: "\n")
      let named = Set(matches(of: #"\b([A-Z]\w*)\b"#, in: code))
      let views = named.intersection(viewTypes)
      XCTAssertTrue(views.isEmpty, "\(file.lastPathComponent) names \(views.sorted())")
    }
  }

  private func swiftFiles(in folder: String) throws -> [URL] {
    let directory = Self.readerSources.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(
      at: directory, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "swift" }
  }

  private func matches(of pattern: String, in text: String) -> [String] {
    let expression = try! NSRegularExpression(pattern: pattern)
    let range = NSRange(text.startIndex..., in: text)
    return expression.matches(in: text, range: range).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}
