import FolioCore
import FolioStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The line on stderr that shows a long import's progress: papers, rate, and (when the size
/// is known) percent read and time left to read; then that the search index is being written.
/// Only on a terminal, and only after two seconds.
struct ProgressLine {
  /// Bytes of input in all.
  let total: Int
  private let started = Date()
  private var lastDrawn = Date.distantPast
  private var drawn = false
  private let enabled = isatty(STDERR_FILENO) == 1

  init(total: Int) {
    self.total = total
  }

  mutating func update(_ progress: ImportProgress) {
    guard enabled else { return }
    let now = Date()
    let elapsed = now.timeIntervalSince(started)
    // The indexing stage is told once: draw it whenever it comes.
    let isIndexing = progress.stage == .indexing
    guard elapsed >= 2, isIndexing || now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
    lastDrawn = now
    drawn = true
    FileHandle.standardError.write(
      Data(("\r\u{1B}[K" + Self.text(progress, total: total, elapsed: elapsed)).utf8))
  }

  /// Clears the line, if it was drawn.
  mutating func finish() {
    guard drawn else { return }
    drawn = false
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  /// `12,345 papers · 8,200/s · 63% read · about 12 s left to read`, then
  /// `12,345 papers read · writing the search index`.
  static func text(_ progress: ImportProgress, total: Int, elapsed: Double) -> String {
    if progress.stage == .indexing {
      return "\(NumberText.grouped(progress.papers)) papers read · writing the search index"
    }
    let rate = Double(progress.papers) / max(elapsed, 0.001)
    var parts = [
      "\(NumberText.grouped(progress.papers)) papers", "\(NumberText.grouped(Int(rate)))/s",
    ]
    if total > 0, progress.bytesRead > 0 {
      let fraction = min(1, Double(progress.bytesRead) / Double(total))
      parts.append("\(Int(fraction * 100))% read")
      if fraction > 0.01 {
        let left = elapsed * (1 - fraction) / fraction
        parts.append(
          left >= 90
            ? "about \(Int(left / 60)) min left to read"
            : "about \(max(1, Int(left))) s left to read")
      }
    }
    return parts.joined(separator: " · ")
  }
}
