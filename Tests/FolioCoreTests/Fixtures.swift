import Foundation

/// Paths of files in the repository, for tests.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let sampleFile = root.appendingPathComponent(
    "Sources/FolioCore/Resources/daily-papers-sample.txt")

  static func sampleBytes() throws -> [UInt8] { Array(try Data(contentsOf: sampleFile)) }
}
