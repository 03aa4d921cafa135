/// Reads the plain-text listing format of the bundled sample: a title line, then an abstract
/// line, repeated.
///
/// The sample is a dump of a web page, so the importer also skips the page's header lines
/// ("Get trending papers in your email inbox...") and strips the "Subscribe" button text glued
/// to the first title. Blank lines are ignored. Papers get no id, authors or date from this
/// format: the listing day comes from the ``ImportContext``.
public struct TextListingImporter: PaperImporter {
  public init() {}

  static let headerPrefix = "Get trending papers in your email inbox"
  static let buttonPrefix = "Subscribe"

  public func read<Sink: PaperSink>(
    _ data: some Collection<UInt8>, context: ImportContext, into sink: inout Sink
  ) throws {
    var pendingTitle: (text: String, line: Int)? = nil
    var isFirstTitle = true
    try forEachLine(data) { number, rawLine in
      let line = TextCleaner.clean(rawLine)
      guard !line.isEmpty else { return }
      // Header lines can only come before the first title.
      if isFirstTitle, line.hasPrefix(Self.headerPrefix) { return }
      guard let title = pendingTitle else {
        var text = line
        if isFirstTitle { text = Self.strippingButton(text) }
        isFirstTitle = false
        pendingTitle = (text, number)
        return
      }
      pendingTitle = nil
      guard
        let paper = Paper.fromSource(
          title: title.text, abstract: line, day: context.day, source: context.source)
      else {
        throw ImportError(file: context.file, line: title.line, reason: "empty title")
      }
      try sink.add(paper)
    }
    if let title = pendingTitle {
      throw ImportError(
        file: context.file, line: title.line,
        reason: "title without an abstract line (\"\(DisplayWidth.truncate(title.text, to: 40))\")")
    }
    if isFirstTitle {
      throw ImportError(file: context.file, line: 1, reason: "empty file: no papers in it")
    }
  }

  /// "SubscribeNeed is All You Need" -> "Need is All You Need"; a title that merely starts
  /// with the word ("Subscribers matter") is left alone.
  static func strippingButton(_ title: String) -> String {
    guard title.hasPrefix(buttonPrefix) else { return title }
    let rest = title.dropFirst(buttonPrefix.count)
    guard let next = rest.first, !next.isLowercase, !next.isWhitespace else { return title }
    return String(rest)
  }

  /// Calls `body` with each line's 1-based number and text (invalid UTF-8 replaced, a leading
  /// byte order mark and trailing CR removed).
  private func forEachLine(
    _ data: some Collection<UInt8>, _ body: (Int, String) throws -> Void
  ) throws {
    var number = 0
    var start = data.startIndex
    while start != data.endIndex {
      let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
      number += 1
      var line = String(decoding: data[start..<end], as: UTF8.self)
      if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      try body(number, line)
      start = end == data.endIndex ? end : data.index(after: end)
    }
  }
}
